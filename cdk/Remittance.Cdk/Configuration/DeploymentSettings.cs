using System.Collections;
using System.Globalization;
using System.Text.RegularExpressions;
using Constructs;
using Remittance.Pipeline.Composition;
using Remittance.Workflows.Composition;

namespace Remittance.Cdk.Configuration;

/// <summary>
/// What may differ between deployments, read from CDK context and validated before anything is built, so a bad
/// value fails the synth with a message naming the setting rather than producing a template that fails later.
/// </summary>
public sealed partial record DeploymentSettings
{
    /// <summary>Names the stack (<c>Remittance-{Stage}</c>) and the few physical names partners or rules need.</summary>
    public required string Stage { get; init; }

    /// <summary>AWS accounts of the banking partners allowed to send to the enrichment ingest queue.</summary>
    public IReadOnlyList<string> PartnerAccountIds { get; init; } = [];

    /// <summary>Executions a remittance may have before it moves to the failed index (REMITTANCE_RETRY_THRESHOLD).</summary>
    public int RetryThreshold { get; init; } = RemittanceOptions.DefaultRetryThreshold;

    public int SweeperScheduleMinutes { get; init; } = 15;

    /// <summary>When set, alarms are also e-mailed here (the subscription must be confirmed once).</summary>
    public string? AlarmEmail { get; init; }

    /// <summary>A folder that already holds the published <c>bootstrap</c>; when null the app publishes it.</summary>
    public string? FunctionsPublishDir { get; init; }

    /// <summary>Keep tables and keys (and protect tables from deletion) when the stack is destroyed.</summary>
    public bool RetainData { get; init; } = true;

    /// <summary>
    /// The notification rules and templates the notification workflow loads (relative paths are from the repository
    /// root); shipped as a Lambda layer and validated at synth.
    /// </summary>
    public string NotificationCatalogDir { get; init; } = DefaultNotificationCatalogDir;

    public const string DefaultNotificationCatalogDir = "samples/notifications";

    /// <summary>The sweeper's timeout: a schedule shorter than this could start a sweep while one still runs.</summary>
    public const int MinimumSweeperScheduleMinutes = 5;

    public static DeploymentSettings FromContext(Node node)
    {
        ArgumentNullException.ThrowIfNull(node);
        var settings = new DeploymentSettings
        {
            Stage = Text(node, ContextKeys.Stage) ?? "dev",
            PartnerAccountIds = List(node, ContextKeys.PartnerAccountIds),
            RetryThreshold = Integer(node, ContextKeys.RetryThreshold) ?? RemittanceOptions.DefaultRetryThreshold,
            SweeperScheduleMinutes = Integer(node, ContextKeys.SweeperScheduleMinutes) ?? 15,
            AlarmEmail = Text(node, ContextKeys.AlarmEmail),
            FunctionsPublishDir = Text(node, ContextKeys.FunctionsPublishDir)
                ?? NullIfBlank(Environment.GetEnvironmentVariable(ContextKeys.FunctionsPublishDirVariable)),
            RetainData = Boolean(node, ContextKeys.RetainData) ?? true,
            NotificationCatalogDir = Text(node, ContextKeys.NotificationCatalogDir) ?? DefaultNotificationCatalogDir,
        };

        var problems = settings.Validate();
        return problems.Count == 0
            ? settings
            : throw new ArgumentException("Invalid CDK context:" + Environment.NewLine + string.Join(Environment.NewLine, problems.Select(p => "  - " + p)));
    }

    public IReadOnlyList<string> Validate()
    {
        var problems = new List<string>();
        if (!StagePattern().IsMatch(Stage))
        {
            problems.Add($"{ContextKeys.Stage} must be 1-16 lower-case letters, digits or '-', starting with a letter (was '{Stage}').");
        }

        foreach (var account in PartnerAccountIds.Where(a => !AccountPattern().IsMatch(a)))
        {
            problems.Add($"{ContextKeys.PartnerAccountIds} must hold 12-digit AWS account IDs (found '{account}').");
        }

        // The functions validate the same variable at init with the same bounds: fail here instead of at runtime.
        var functionProblems = new RemittanceOptions { TableName = "-", StateMachineArn = "-", RetryThreshold = RetryThreshold }
            .Validate(FunctionName.Sweeper, ServiceCatalog.Enrichment.Profile);
        problems.AddRange(functionProblems.Select(p => $"{ContextKeys.RetryThreshold}: {p}"));

        if (SweeperScheduleMinutes is < MinimumSweeperScheduleMinutes or > 1440)
        {
            problems.Add($"{ContextKeys.SweeperScheduleMinutes} must be between {MinimumSweeperScheduleMinutes} (the sweeper's timeout) and 1440 (was {SweeperScheduleMinutes}).");
        }

        if (AlarmEmail is not null && !EmailPattern().IsMatch(AlarmEmail))
        {
            problems.Add($"{ContextKeys.AlarmEmail} must be an e-mail address (was '{AlarmEmail}').");
        }

        return problems;
    }

    private static string? Text(Node node, string key) => node.TryGetContext(key) switch
    {
        null => null,
        string s => NullIfBlank(s),
        var other => NullIfBlank(Convert.ToString(other, CultureInfo.InvariantCulture)),
    };

    private static int? Integer(Node node, string key) => Text(node, key) switch
    {
        null => null,
        var text when decimal.TryParse(text, NumberStyles.Number, CultureInfo.InvariantCulture, out var value) && value == decimal.Truncate(value) && value is >= int.MinValue and <= int.MaxValue => (int)value,
        var text => throw new ArgumentException($"CDK context '{key}' must be a whole number (was '{text}')."),
    };

    private static bool? Boolean(Node node, string key) => node.TryGetContext(key) switch
    {
        null => null,
        bool b => b,
        var other when bool.TryParse(Convert.ToString(other, CultureInfo.InvariantCulture), out var parsed) => parsed,
        var other => throw new ArgumentException($"CDK context '{key}' must be true or false (was '{other}')."),
    };

    // cdk.json gives a JSON array; `-c partnerAccountIds=111111111111,222222222222` gives one string.
    private static IReadOnlyList<string> List(Node node, string key) => node.TryGetContext(key) switch
    {
        null => [],
        string s => Split(s),
        IEnumerable values => [.. values.Cast<object?>().SelectMany(v => Split(Convert.ToString(v, CultureInfo.InvariantCulture) ?? ""))],
        var other => Split(Convert.ToString(other, CultureInfo.InvariantCulture) ?? ""),
    };

    private static List<string> Split(string text) =>
        [.. text.Trim().TrimStart('[').TrimEnd(']').Split([',', ' ', '"'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)];

    private static string? NullIfBlank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    [GeneratedRegex("^[a-z][a-z0-9-]{0,15}$")]
    private static partial Regex StagePattern();

    [GeneratedRegex(@"^\d{12}$")]
    private static partial Regex AccountPattern();

    [GeneratedRegex(@"^[^@\s]+@[^@\s]+\.[^@\s]+$")]
    private static partial Regex EmailPattern();
}
