using System.Text.Json.Nodes;
using Remittance.Cdk.Tests.Support;
using Remittance.Pipeline.Composition;
using Remittance.Workflows.Asl;
using Remittance.Workflows.Definition;

namespace Remittance.Cdk.Tests;

/// <summary>The state machines are the C# workflow definitions, written as ASL, with every placeholder filled.</summary>
[Collection(SynthCollection.Name)]
public sealed class StateMachineTests(SynthesizedApp app)
{
    private static WorkflowDefinition Workflow(string service) => service == "enrichment" ? WorkflowCatalog.Enrichment : WorkflowCatalog.Notification;

    private JsonObject StateMachine(string service) => app.Main.Template[app.LogicalId(app.Service(service).StateMachine)].Properties;

    [Theory]
    [MemberData(nameof(Services.Names), MemberType = typeof(Services))]
    public void StateMachine_IsStandard_WithTheDefinitionAslWriterWrites(string service)
    {
        var properties = StateMachine(service);

        Assert.Equal("STANDARD", properties["StateMachineType"]!.GetValue<string>());
        var deployed = JsonNode.Parse(properties["DefinitionString"]!.GetValue<string>());
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(AslWriter.Write(Workflow(service))), deployed), "definition differs from AslWriter's");
    }

    [Theory]
    [MemberData(nameof(Services.Names), MemberType = typeof(Services))]
    public void StateMachine_Substitutions_FillEveryPlaceholderWithThisServicesResources(string service)
    {
        var pattern = app.Service(service);
        var substitutions = StateMachine(service)["DefinitionSubstitutions"]!.AsObject();

        Assert.Equal(AslPlaceholders.For(Workflow(service)).Order(), substitutions.Select(s => s.Key).Order());
        Assert.Equal(app.LogicalId(pattern.Functions[FunctionName.Workflow]), Template.ReferencedId(substitutions[AslPlaceholders.WorkflowFunctionArn]));
        Assert.Equal(app.LogicalId(pattern.Table), Template.ReferencedId(substitutions[AslPlaceholders.TableName]));
        // Topics the ASL names (publish states); a topic only the function publishes to is the function's environment.
        foreach (var (topic, construct) in pattern.Topics.Where(t => AslPlaceholders.For(Workflow(service)).Contains(AslPlaceholders.TopicArn(t.Key))))
        {
            Assert.Equal(app.LogicalId(construct), Template.ReferencedId(substitutions[AslPlaceholders.TopicArn(topic)]));
        }

        var definition = StateMachine(service)["DefinitionString"]!.GetValue<string>();
        Assert.All(substitutions, s => Assert.Contains("${" + s.Key + "}", definition, StringComparison.Ordinal));
    }

    [Theory]
    [MemberData(nameof(Services.Names), MemberType = typeof(Services))]
    public void StateMachine_LogsErrorsWithoutExecutionData_ToAGroupKeptThirtyDays(string service)
    {
        var logging = StateMachine(service)["LoggingConfiguration"]!;

        Assert.Equal("ERROR", logging["Level"]!.GetValue<string>());
        Assert.False(logging["IncludeExecutionData"]!.GetValue<bool>());
        var logGroup = Template.ReferencedId(logging["Destinations"]![0]!["CloudWatchLogsLogGroup"]!["LogGroupArn"]);
        Assert.Equal(30, app.Main.Template[logGroup!].Properties["RetentionInDays"]!.GetValue<int>());
        Assert.StartsWith("/aws/vendedlogs/states/", app.Main.Template[logGroup!].Properties["LogGroupName"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Services.Names), MemberType = typeof(Services))]
    public void StateMachineRole_MayInvokeOnlyTheWorkflowFunction_PublishOnlyItsStatesTopics_UpdateOnlyItsTable(string service)
    {
        var pattern = app.Service(service);
        var statements = Policies.ForRole(app.Main.Template, Template.ReferencedId(StateMachine(service)["RoleArn"])!).Where(s => !s.HasStarResource).ToList();
        var stateTopics = Remittance.Workflows.Composition.ServiceCatalog.Resolve(service).Workflow.States.OfType<Remittance.Workflows.Definition.PublishState>().Select(p => app.LogicalId(pattern.Topics[p.Topic])).Order();

        Assert.Equal([app.LogicalId(pattern.Functions[FunctionName.Workflow])], Policies.ResourcesFor(statements, "lambda:InvokeFunction"));
        // Enrichment publishes from its function: its state machine may not publish at all; notification's may send to its outbox.
        Assert.Equal(stateTopics, Policies.ResourcesFor(statements, "sns:Publish"));
        Assert.Equal(service == "enrichment" ? [] : [app.LogicalId(pattern.Topics[Remittance.Workflows.Definition.WorkflowTopic.NotificationOutbox])],
            Policies.ResourcesFor(statements, "sns:Publish"));
        Assert.Equal([app.LogicalId(pattern.Table)], Policies.ResourcesFor(statements, "dynamodb:UpdateItem"));
        Assert.Equal([app.LogicalId(pattern.Key)], Policies.ResourcesFor(statements, "kms:GenerateDataKey"));
        Assert.Equal([app.LogicalId(pattern.Key)], Policies.ResourcesFor(statements, "kms:Decrypt"));
    }
}
