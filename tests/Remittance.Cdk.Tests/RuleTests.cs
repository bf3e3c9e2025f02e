using System.Text;
using System.Text.Json.Nodes;
using Remittance.Cdk.Tests.Support;
using Remittance.Local.Run;
using Remittance.Pipeline.Composition;
using Remittance.Pipeline.Sweeping;
using Remittance.Pipeline.Tracking;
using Remittance.Workflows.Definition;

namespace Remittance.Cdk.Tests;

/// <summary>EventBridge: failed runs to the status function, and the sweeper's schedule.</summary>
[Collection(SynthCollection.Name)]
public sealed class RuleTests(SynthesizedApp app)
{
    private JsonObject StatusRule(string service) => app.Main.Template[app.LogicalId(app.Service(service).StatusRule)].Properties;

    [Theory]
    [MemberData(nameof(Services.Names), MemberType = typeof(Services))]
    public void StatusRule_MatchesThisStateMachinesUnsuccessfulExecutions(string service)
    {
        var pattern = StatusRule(service)["EventPattern"]!;

        Assert.Equal(["aws.states"], PolicyStatementJson.Strings(pattern["source"]));
        Assert.Equal(["Step Functions Execution Status Change"], PolicyStatementJson.Strings(pattern["detail-type"]));
        Assert.Equal(["ABORTED", "FAILED", "TIMED_OUT"], PolicyStatementJson.Strings(pattern["detail"]!["status"]).Order());
        var stateMachine = Assert.Single(pattern["detail"]!["stateMachineArn"]!.AsArray());
        Assert.Equal(app.LogicalId(app.Service(service).StateMachine), Template.ReferencedId(stateMachine));
    }

    /// <summary>The deployed rule, the status function and the local host's stand-in for the rule select the same statuses.</summary>
    [Theory]
    [MemberData(nameof(Services.Names), MemberType = typeof(Services))]
    public void StatusRule_SelectsExactlyTheStatusesTheStatusFunctionAndTheLocalHostRecord(string service)
    {
        var selected = PolicyStatementJson.Strings(StatusRule(service)["EventPattern"]!["detail"]!["status"]);

        foreach (var status in new[] { "RUNNING", "SUCCEEDED", "FAILED", "TIMED_OUT", "ABORTED", "PENDING_REDRIVE" })
        {
            Assert.Equal(selected.Contains(status), ExecutionStatuses.IsFailure(status));
            Assert.Equal(selected.Contains(status), LocalEvents.StatusRuleMatches(status));
        }
    }

    [Theory]
    [MemberData(nameof(Services.Names), MemberType = typeof(Services))]
    public void StatusRule_TargetsTheStatusFunction_WithRetriesAndAnEncryptedDeadLetterQueue(string service)
    {
        var pattern = app.Service(service);
        var target = Assert.Single(StatusRule(service)["Targets"]!.AsArray())!;

        Assert.Equal(app.LogicalId(pattern.Functions[FunctionName.Status]), Template.ReferencedId(target["Arn"]));
        Assert.Equal(app.LogicalId(pattern.StatusDeadLetterQueue), Template.ReferencedId(target["DeadLetterConfig"]!["Arn"]));
        Assert.InRange(target["RetryPolicy"]!["MaximumRetryAttempts"]!.GetValue<int>(), 1, 185);
        Assert.InRange(target["RetryPolicy"]!["MaximumEventAgeInSeconds"]!.GetValue<int>(), 60, 86400);
    }

    [Theory]
    [MemberData(nameof(Services.Names), MemberType = typeof(Services))]
    public void StatusFunction_EventsItFailsOn_GoToTheSameDeadLetterQueue_AfterLambdasRetries(string service)
    {
        var pattern = app.Service(service);
        var function = app.LogicalId(pattern.Functions[FunctionName.Status]);

        var config = Assert.Single(app.Main.Template.OfType("AWS::Lambda::EventInvokeConfig"),
            c => Template.ReferencedId(c.Properties["FunctionName"]) == function).Properties;
        Assert.Equal(2, config["MaximumRetryAttempts"]!.GetValue<int>());
        Assert.Equal(app.LogicalId(pattern.StatusDeadLetterQueue), Template.ReferencedId(config["DestinationConfig"]!["OnFailure"]!["Destination"]));
        Assert.Equal([app.LogicalId(pattern.StatusDeadLetterQueue)],
            Policies.ResourcesFor(Policies.ForRole(app.Main.Template, Template.ReferencedId(app.Main.Template[function].Properties["Role"])!), "sqs:SendMessage"));
    }

    [Theory]
    [MemberData(nameof(Services.Names), MemberType = typeof(Services))]
    public void StatusDeadLetterQueue_AcceptsOnlyThisRule_AndItsKeyLetsEventBridgeEncryptOnlyForIt(string service)
    {
        var pattern = app.Service(service);
        var ruleId = app.LogicalId(pattern.StatusRule);
        var ruleName = StatusRule(service)["Name"]!.GetValue<string>();
        var queueId = app.LogicalId(pattern.StatusDeadLetterQueue);

        var send = Assert.Single(app.Main.Template.Statements(), s => s.IsAllow && s.Owner.Type == "AWS::SQS::QueuePolicy"
            && s.Owner.Properties["Queues"]!.AsArray().Any(q => Template.ReferencedId(q) == queueId));
        Assert.Equal("events.amazonaws.com", send.Principal!["Service"]!.GetValue<string>());
        Assert.Equal(ruleId, Template.ReferencedId(send.Condition!["ArnEquals"]!["aws:SourceArn"]));

        var encrypt = Assert.Single(app.Main.Template.Statements(), s => s.Owner.LogicalId == app.LogicalId(pattern.Key)
            && s.Principal?["Service"]?.GetValue<string>() == "events.amazonaws.com");
        Assert.Equal(["kms:Decrypt", "kms:GenerateDataKey"], encrypt.Actions.Order());
        Assert.EndsWith(":rule/" + ruleName + "\"]]}", encrypt.Condition!["ArnEquals"]!["aws:SourceArn"]!.ToJsonString(), StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Services.Names), MemberType = typeof(Services))]
    public void SweeperSchedule_RunsTheSweeperAtTheConfiguredRate(string service)
    {
        var pattern = app.Service(service);
        var rule = app.Main.Template[app.LogicalId(pattern.SweeperSchedule)].Properties;

        Assert.Equal($"rate({SynthesizedApp.SweeperScheduleMinutes} minutes)", rule["ScheduleExpression"]!.GetValue<string>());
        var target = Assert.Single(rule["Targets"]!.AsArray())!;
        Assert.Equal(app.LogicalId(pattern.Functions[FunctionName.Sweeper]), Template.ReferencedId(target["Arn"]));
    }

    [Theory]
    [MemberData(nameof(Services.Names), MemberType = typeof(Services))]
    public void SweeperSchedule_SendsASweepRequestTheSweeperAccepts_ThatAlsoReconcilesStuckRuns(string service)
    {
        var pattern = app.Service(service);
        var target = app.Main.Template[app.LogicalId(pattern.SweeperSchedule)].Properties["Targets"]![0]!;

        var request = SweepRequestReader.Read(Encoding.UTF8.GetBytes(target["Input"]!.GetValue<string>()));
        Assert.False(request.DryRun);
        Assert.False(request.IncludeFailed);
        Assert.Null(request.RequestIds);
        // Longer than any run may take: the state machine times out after TimeoutSeconds.
        Assert.True(request.StuckAfterMinutes * 60 > (service == "enrichment" ? WorkflowCatalog.Enrichment : WorkflowCatalog.Notification).TimeoutSeconds);
        Assert.Empty(request.Validate());
    }

    [Theory]
    [MemberData(nameof(Services.Names), MemberType = typeof(Services))]
    public void EventBridge_MayInvokeTheStatusAndSweeperFunctions_OnlyFromTheirRules(string service)
    {
        var pattern = app.Service(service);
        var permissions = app.Main.Template.OfType("AWS::Lambda::Permission")
            .Select(p => p.Properties)
            .Where(p => p["Principal"]!.GetValue<string>() == "events.amazonaws.com")
            .Select(p => (Template.ReferencedId(p["FunctionName"]), Template.ReferencedId(p["SourceArn"])))
            .ToList();

        Assert.Contains((app.LogicalId(pattern.Functions[FunctionName.Status]), app.LogicalId(pattern.StatusRule)), permissions);
        Assert.Contains((app.LogicalId(pattern.Functions[FunctionName.Sweeper]), app.LogicalId(pattern.SweeperSchedule)), permissions);
    }
}
