using System.Text.Json.Nodes;
using Remittance.Cdk.Bundling;
using Remittance.Cdk.Patterns;
using Remittance.Cdk.Tests.Support;
using Remittance.Notifications;
using Remittance.Pipeline.Composition;

namespace Remittance.Cdk.Tests;

/// <summary>Five functions per service, all running the one published <c>bootstrap</c> with their handler name.</summary>
[Collection(SynthCollection.Name)]
public sealed class FunctionTests(SynthesizedApp app)
{
    public static TheoryData<string, FunctionName> ServiceFunctions()
    {
        var data = new TheoryData<string, FunctionName>();
        foreach (var service in new[] { "enrichment", "notification" })
        {
            foreach (var function in Enum.GetValues<FunctionName>())
            {
                data.Add(service, function);
            }
        }

        return data;
    }

    private JsonObject Function(string service, FunctionName function) =>
        app.Main.Template[app.LogicalId(app.Service(service).Functions[function])].Properties;

    [Theory]
    [MemberData(nameof(ServiceFunctions))]
    public void Function_RunsTheBootstrapOnProvidedAl2023_WithItsLowerCaseHandlerName(string service, FunctionName function)
    {
        var properties = Function(service, function);

        Assert.Equal("provided.al2023", properties["Runtime"]!.GetValue<string>());
        Assert.Equal(function.ToString().ToLowerInvariant(), properties["Handler"]!.GetValue<string>());
        Assert.Equal(["x86_64"], PolicyStatementJson.Strings(properties["Architectures"]));
    }

    [Theory]
    [MemberData(nameof(ServiceFunctions))]
    public void Function_IsNamedAfterStageServiceAndHandler(string service, FunctionName function) =>
        Assert.Equal($"remittance-{SynthesizedApp.Stage}-{service}-{function.ToString().ToLowerInvariant()}",
            Function(service, function)["FunctionName"]!.GetValue<string>());

    [Theory]
    [MemberData(nameof(ServiceFunctions))]
    public void Function_Environment_PassesTheFunctionsOwnStartUpValidation(string service, FunctionName function)
    {
        // CloudFormation fills references in at deploy time; any non-empty value stands in for them here.
        var variables = Function(service, function)["Environment"]!["Variables"]!.AsObject()
            .ToDictionary(v => v.Key, v => v.Value is JsonValue value ? value.GetValue<string>() : "arn:aws:resolved:" + v.Key);

        var options = RemittanceOptions.FromEnvironment(name => variables.GetValueOrDefault(name));
        Assert.Empty(options.Validate(function, Remittance.Workflows.Composition.ServiceCatalog.Resolve(options.Service).Profile));
        Assert.Equal(service, options.Service);
    }

    [Theory]
    [MemberData(nameof(ServiceFunctions))]
    public void Function_MemoryAndTimeout_AreItsSizing(string service, FunctionName function)
    {
        var properties = Function(service, function);
        var sizing = FunctionSizing.For(function);

        Assert.Equal(sizing.MemoryMb, properties["MemorySize"]!.GetValue<int>());
        Assert.Equal(sizing.TimeoutSeconds, properties["Timeout"]!.GetValue<int>());
    }

    [Theory]
    [MemberData(nameof(ServiceFunctions))]
    public void Function_LogsToItsOwnLogGroup_KeptThirtyDays(string service, FunctionName function)
    {
        var logGroupId = Template.ReferencedId(Function(service, function)["LoggingConfig"]!["LogGroup"]);

        Assert.NotNull(logGroupId);
        Assert.Equal(30, app.Main.Template[logGroupId].Properties["RetentionInDays"]!.GetValue<int>());
    }

    [Theory]
    [MemberData(nameof(ServiceFunctions))]
    public void Function_HasItsOwnRole(string service, FunctionName function)
    {
        var roles = app.Main.Template.OfType("AWS::Lambda::Function").Select(f => Template.ReferencedId(f.Properties["Role"])).ToList();
        var role = Template.ReferencedId(Function(service, function)["Role"]);

        Assert.Single(roles, r => r == role);
    }

    [Theory]
    [MemberData(nameof(ServiceFunctions))]
    public void Function_Environment_IsWhatItsOptionsRead(string service, FunctionName function)
    {
        var pattern = app.Service(service);
        var variables = Function(service, function)["Environment"]!["Variables"]!.AsObject();
        var expected = new List<string> { RemittanceOptions.TableNameVariable, RemittanceOptions.ServiceVariable };
        expected.AddRange(function switch
        {
            FunctionName.Stream => [RemittanceOptions.StateMachineArnVariable],
            FunctionName.Workflow when service == "enrichment" => [RemittanceOptions.TopicArnVariable, RemittanceOptions.InvoicesTableVariable],
            FunctionName.Workflow => [RemittanceOptions.NotificationCatalogVariable],
            FunctionName.Status => [RemittanceOptions.RetryThresholdVariable],
            FunctionName.Sweeper =>
            [
                RemittanceOptions.StateMachineArnVariable, RemittanceOptions.RetryThresholdVariable,
                RemittanceOptions.StartRatePerSecondVariable, RemittanceOptions.StartBurstVariable,
            ],
            _ => [],
        });

        Assert.Equal(expected.Order(), variables.Select(v => v.Key).Order());
        Assert.Equal(service, variables[RemittanceOptions.ServiceVariable]!.GetValue<string>());
        Assert.Equal(app.LogicalId(pattern.Table), Template.ReferencedId(variables[RemittanceOptions.TableNameVariable]));
        if (variables[RemittanceOptions.StateMachineArnVariable] is { } stateMachine)
        {
            Assert.Equal(app.LogicalId(pattern.StateMachine), Template.ReferencedId(stateMachine));
        }

        if (variables[RemittanceOptions.RetryThresholdVariable] is { } threshold)
        {
            Assert.Equal(SynthesizedApp.RetryThreshold.ToString(System.Globalization.CultureInfo.InvariantCulture), threshold.GetValue<string>());
        }

        if (variables[RemittanceOptions.InvoicesTableVariable] is { } invoices)
        {
            Assert.Equal(app.LogicalId(app.Main.Stack.InvoicesTable), Template.ReferencedId(invoices));
        }
    }

    [Fact]
    public void NotificationWorkflow_LoadsTheValidatedCatalog_FromALayer()
    {
        var workflow = Function("notification", FunctionName.Workflow);
        var layerId = Template.ReferencedId(Assert.Single(workflow["Layers"]!.AsArray()));

        Assert.Equal(app.LogicalId(app.Main.Stack.NotificationCatalogLayer), layerId);
        Assert.Equal(NotificationCatalogBundle.LayerMountPath, workflow["Environment"]!["Variables"]![RemittanceOptions.NotificationCatalogVariable]!.GetValue<string>());
        var layerAsset = app.Main.Template[layerId!].Properties["Content"]!["S3Key"]!.GetValue<string>();
        var catalog = NotificationCatalog.Load(Path.Combine(app.Main.OutputDirectory, "asset." + Path.GetFileNameWithoutExtension(layerAsset)));
        Assert.NotNull(catalog);
        Assert.Single(app.Main.Template.OfType("AWS::Lambda::LayerVersion"));
        Assert.Null(Function("enrichment", FunctionName.Workflow)["Layers"]);
    }

    [Fact]
    public void Functions_ShareOneCodeAsset_HoldingOnlyAnExecutableNativeBootstrap()
    {
        var asset = app.Main.FunctionsAsset();

        // The zip Lambda gets is this folder: the native executable and nothing else (no bootstrap.dbg, no .pdb, no
        // runtime files: Native AOT links the runtime into the binary).
        var files = Directory.EnumerateFileSystemEntries(asset, "*", SearchOption.AllDirectories)
            .Select(path => Path.GetRelativePath(asset, path))
            .ToList();
        Assert.Equal([FunctionsBundle.ExecutableName], files);

        var bootstrap = Path.Combine(asset, FunctionsBundle.ExecutableName);
        if (!OperatingSystem.IsWindows())
        {
            Assert.True(File.GetUnixFileMode(bootstrap).HasFlag(UnixFileMode.UserExecute | UnixFileMode.OtherExecute));
        }

        Assert.True(NativeExecutable.IsElf64(bootstrap, out var machine), $"{bootstrap} is not a 64-bit ELF executable");
        Assert.Equal(NativeExecutable.X86_64, machine);
        Assert.Equal(10, app.Main.Template.OfType("AWS::Lambda::Function").Count());
    }
}
