using Remittance.Pipeline.Composition;
using Remittance.Pipeline.Contracts;
using Remittance.Workflows.Composition;

namespace Remittance.IntegrationTests.Functions;

/// <summary>The one composition root: what a function is comes from its handler and environment, and nothing else.</summary>
public sealed class FunctionHostTests
{
    private static Dictionary<string, string> Environment(string service, FunctionName function) => new(
        FunctionEnvironment.For(function, ServiceCatalog.Resolve(service), new ServiceResources
        {
            TableName = "t",
            StateMachineArn = "arn:aws:states:us-east-1:000000000000:stateMachine:s",
            TopicArn = "arn:aws:sns:us-east-1:000000000000:enriched",
            InvoicesTableName = "invoices",
            NotificationCatalogDirectory = RepositoryRoot.Combine("samples", "notifications"),
        }));

    [Theory]
    [InlineData("enrichment", typeof(PartnerMessageContract))]
    [InlineData("notification", typeof(EnvelopeContract))]
    public void Ingest_WithOnlyItsDeployedEnvironment_UsesItsServicesContract(string service, Type contract)
    {
        using var function = FunctionHost.Create(FunctionName.Ingest, Environment(service, FunctionName.Ingest));

        Assert.IsType(contract, function.Services.Contract);
        Assert.Equal(service, function.Service.Name);
    }

    [Theory]
    [InlineData("enrichment")]
    [InlineData("notification")]
    public void Sweeper_StartsANewExecution_ForEveryErrorItsWorkflowCatches(string service)
    {
        using var function = FunctionHost.Create(FunctionName.Sweeper, Environment(service, FunctionName.Sweeper));

        var caught = ServiceCatalog.Resolve(service).Workflow.Tasks.SelectMany(t => t.Catch).SelectMany(c => c.Errors).ToHashSet();
        Assert.NotEmpty(caught);
        Assert.Equal(caught.Order(), function.Services.Service.NewExecutionErrors.Order());
    }

    [Theory]
    [InlineData(RemittanceOptions.RetryThresholdVariable, "abc")]
    [InlineData(RemittanceOptions.ConcurrencyVariable, "ten")]
    [InlineData(RemittanceOptions.StartRatePerSecondVariable, "fast")]
    [InlineData(RemittanceOptions.LogLevelVariable, "loud")]
    public void Init_WithAnUnparsableSetting_FailsNamingIt(string variable, string value)
    {
        var environment = Environment("enrichment", FunctionName.Sweeper);
        environment[variable] = value;

        var failure = Assert.Throws<OptionsException>(() => FunctionHost.Create(FunctionName.Sweeper, environment));

        Assert.Contains(failure.Problems, p => p.Contains(variable, StringComparison.Ordinal) && p.Contains(value, StringComparison.Ordinal));
    }

    [Fact]
    public void Init_WithAnUnknownServiceAndNoTable_ReportsBothAtOnce()
    {
        var failure = Assert.Throws<OptionsException>(() => FunctionHost.Create("ingest", name => name == RemittanceOptions.ServiceVariable ? "billing" : null));

        Assert.Contains(failure.Problems, p => p.Contains("billing", StringComparison.Ordinal) && p.Contains("enrichment", StringComparison.Ordinal));
        Assert.Contains(failure.Problems, p => p.Contains(RemittanceOptions.TableNameVariable, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("")]
    [InlineData("3")]
    [InlineData("billing")]
    public void Init_WithAnUnknownHandler_ListsTheFunctions(string handler)
    {
        var failure = Assert.Throws<OptionsException>(() => FunctionHost.Create(handler, _ => null));

        Assert.Contains("ingest, stream, workflow, status, sweeper", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void EnrichmentWorkflow_WithoutItsTopic_FailsInitSayingWhy()
    {
        var environment = Environment("enrichment", FunctionName.Workflow);
        environment.Remove(RemittanceOptions.TopicArnVariable);

        var failure = Assert.Throws<OptionsException>(() => FunctionHost.Create(FunctionName.Workflow, environment));

        Assert.Contains(failure.Problems, p => p.StartsWith(RemittanceOptions.TopicArnVariable + " is not set", StringComparison.Ordinal));
    }
}
