using Amazon.CDK;
using Constructs;
using Remittance.Cdk.Bundling;
using Remittance.Cdk.Configuration;
using Remittance.Cdk.Patterns;

namespace Remittance.Cdk.Tests.Support;

/// <summary>
/// The real app, synthesized once per test run. Its functions are built the way <c>cdk synth</c> builds them
/// (<c>dotnet publish</c> by the app itself) unless REMITTANCE_FUNCTIONS_PUBLISH_DIR names a folder published
/// earlier in the same run (CI does that after its CLI synth, to publish once).
/// </summary>
public sealed class SynthesizedApp : IDisposable
{
    public static readonly string[] PartnerAccounts = ["111111111111", "222222222222"];

    public const string AlarmEmail = "payments-oncall@example.com";

    public const string Stage = "citest";

    public const int RetryThreshold = 4;

    public const int SweeperScheduleMinutes = 10;

    private readonly string _root = Path.Combine(Path.GetTempPath(), "remittance-cdk-tests-" + Guid.NewGuid().ToString("N"));

    public SynthesizedApp()
    {
        Directory.CreateDirectory(_root);
        Main = Synthesis.Run(Path.Combine(_root, "main"), new Dictionary<string, object>
        {
            [ContextKeys.Stage] = Stage,
            [ContextKeys.PartnerAccountIds] = PartnerAccounts,
            [ContextKeys.RetryThreshold] = RetryThreshold,
            [ContextKeys.SweeperScheduleMinutes] = SweeperScheduleMinutes,
            [ContextKeys.AlarmEmail] = AlarmEmail,
        });
    }

    /// <summary>Partner accounts, an alarm e-mail, data retained: what a production stage looks like.</summary>
    public Synthesis Main { get; }

    /// <summary>The folder the functions were packaged from (published by the app unless the environment named one).</summary>
    public string FunctionsDirectory =>
        System.Environment.GetEnvironmentVariable(ContextKeys.FunctionsPublishDirVariable) is { Length: > 0 } given
            ? Path.GetFullPath(given, RepositoryLayout.FindRoot())
            : Path.Combine(RepositoryLayout.FindRoot(), FunctionsBundle.DefaultOutput);

    /// <summary>A second, cheap synthesis with other settings, reusing the functions already published.</summary>
    public Synthesis Variant(string name, IReadOnlyDictionary<string, object> overrides)
    {
        var context = new Dictionary<string, object>(overrides) { [ContextKeys.FunctionsPublishDir] = FunctionsDirectory };
        return Synthesis.Run(Path.Combine(_root, name), context);
    }

    /// <summary>The resolved logical ID of an L2 construct's CloudFormation resource.</summary>
    public string LogicalId(IConstruct construct) => LogicalId(Main, construct);

    public static string LogicalId(Synthesis synthesis, IConstruct construct)
    {
        var resource = (CfnElement)construct.Node.DefaultChild!;
        return (string)synthesis.Stack.Resolve(resource.LogicalId);
    }

    public TrackedWorkflowService Service(string name) => Service(Main, name);

    public static TrackedWorkflowService Service(Synthesis synthesis, string name) => name switch
    {
        "enrichment" => synthesis.Stack.Enrichment,
        "notification" => synthesis.Stack.Notification,
        _ => throw new ArgumentOutOfRangeException(nameof(name), name, null),
    };

    public void Dispose() => Directory.Delete(_root, recursive: true);
}
