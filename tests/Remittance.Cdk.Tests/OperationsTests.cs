using System.Text.Json.Nodes;
using Remittance.Cdk.Configuration;
using Remittance.Cdk.Operations;
using Remittance.Cdk.Tests.Support;
using Remittance.Pipeline.Composition;

namespace Remittance.Cdk.Tests;

/// <summary>Alarms, the dashboard, log retention and where alarms go.</summary>
[Collection(SynthCollection.Name)]
public sealed class OperationsTests(SynthesizedApp app)
{
    private List<Resource> Alarms => [.. app.Main.Template.OfType("AWS::CloudWatch::Alarm")];

    /// <summary>Every metric an alarm watches, directly or inside a math expression.</summary>
    private static IEnumerable<JsonObject> Metrics(Resource alarm) =>
        alarm.Properties["MetricName"] is not null
            ? [alarm.Properties]
            : alarm.Properties["Metrics"]!.AsArray().Select(m => m!["MetricStat"]?["Metric"]?.AsObject()).OfType<JsonObject>();

    private static string? Dimension(JsonObject metric, string name) =>
        metric["Dimensions"]?.AsArray().Where(d => d!["Name"]!.GetValue<string>() == name).Select(d => d!["Value"]!.ToJsonString()).SingleOrDefault();

    private List<Resource> AlarmsOn(string metricName, Func<JsonObject, bool> dimensions) =>
        [.. Alarms.Where(a => Metrics(a).Any(m => m["MetricName"]!.GetValue<string>() == metricName && dimensions(m)))];

    [Theory]
    [MemberData(nameof(Services.Names), MemberType = typeof(Services))]
    public void EveryDeadLetterQueue_HasADepthAlarm(string service)
    {
        foreach (var queue in app.Service(service).DeadLetterQueues)
        {
            var id = app.LogicalId(queue);
            var alarm = Assert.Single(AlarmsOn("ApproximateNumberOfMessagesVisible", m => Dimension(m, "QueueName")?.Contains(id, StringComparison.Ordinal) == true));
            Assert.Equal(1, alarm.Properties["Threshold"]!.GetValue<double>());
        }
    }

    [Theory]
    [MemberData(nameof(Services.Names), MemberType = typeof(Services))]
    public void FailedItemCount_PublishedByTheSweeper_HasAnAlarm(string service)
    {
        var alarm = Assert.Single(AlarmsOn(SweeperMetric.FailedItems, m => Dimension(m, SweeperMetric.ServiceDimension) == $"\"{service}\""));

        Assert.Equal(SweeperMetric.Namespace, alarm.Properties["Namespace"]!.GetValue<string>());
        Assert.Equal(SynthesizedApp.SweeperScheduleMinutes * 60, alarm.Properties["Period"]!.GetValue<int>());
    }

    [Theory]
    [MemberData(nameof(Services.Names), MemberType = typeof(Services))]
    public void StateMachine_FailuresAndThrottles_HaveAlarms(string service)
    {
        var stateMachine = app.LogicalId(app.Service(service).StateMachine);
        bool Ours(JsonObject m) => Dimension(m, "StateMachineArn")?.Contains(stateMachine, StringComparison.Ordinal) == true;

        var failures = Assert.Single(AlarmsOn("ExecutionsFailed", Ours));
        Assert.Equal(["ExecutionsAborted", "ExecutionsFailed", "ExecutionsTimedOut"], Metrics(failures).Select(m => m["MetricName"]!.GetValue<string>()).Order());
        Assert.Single(AlarmsOn("ExecutionThrottled", Ours));
    }

    [Theory]
    [MemberData(nameof(Services.Names), MemberType = typeof(Services))]
    public void StreamIteratorAge_HasAnAlarm(string service)
    {
        var stream = app.LogicalId(app.Service(service).Functions[FunctionName.Stream]);

        var alarm = Assert.Single(AlarmsOn("IteratorAge", m => Dimension(m, "FunctionName")?.Contains(stream, StringComparison.Ordinal) == true));
        Assert.Equal("Maximum", alarm.Properties["Statistic"]!.GetValue<string>());
    }

    [Fact]
    public void EveryAlarm_NotifiesTheAlarmTopic()
    {
        var topic = app.LogicalId(app.Main.Stack.AlarmTopic);

        Assert.Equal(14, Alarms.Count);
        Assert.All(Alarms, alarm =>
        {
            Assert.Contains(topic, alarm.Properties["AlarmActions"]!.AsArray().Select(Template.ReferencedId));
            Assert.StartsWith($"remittance-{SynthesizedApp.Stage}-", alarm.Properties["AlarmName"]!.GetValue<string>(), StringComparison.Ordinal);
        });
    }

    [Fact]
    public void AlarmTopic_EmailsTheConfiguredAddress_AndAcceptsOnlyCloudWatchFromThisAccount()
    {
        var topic = app.LogicalId(app.Main.Stack.AlarmTopic);
        var email = Assert.Single(app.Main.Template.OfType("AWS::SNS::Subscription"), s => s.Properties["Protocol"]!.GetValue<string>() == "email");
        Assert.Equal(SynthesizedApp.AlarmEmail, email.Properties["Endpoint"]!.GetValue<string>());
        Assert.Equal(topic, Template.ReferencedId(email.Properties["TopicArn"]));

        var publish = Assert.Single(app.Main.Template.Statements(), s => s.IsAllow && s.Owner.Type == "AWS::SNS::TopicPolicy"
            && s.Owner.Properties["Topics"]!.AsArray().Any(t => Template.ReferencedId(t) == topic));
        Assert.Equal("cloudwatch.amazonaws.com", publish.Principal!["Service"]!.GetValue<string>());
        Assert.NotNull(publish.Condition!["StringEquals"]!["aws:SourceAccount"]);
    }

    [Fact]
    public void AlarmTopic_WithoutAnAlarmEmail_HasNoEmailSubscription()
    {
        var quiet = app.Variant("no-email", new Dictionary<string, object> { [ContextKeys.AlarmEmail] = "" });

        Assert.DoesNotContain(quiet.Template.OfType("AWS::SNS::Subscription"), s => s.Properties["Protocol"]!.GetValue<string>() == "email");
    }

    [Fact]
    public void OneDashboard_ShowsBothServices()
    {
        var dashboard = Assert.Single(app.Main.Template.OfType("AWS::CloudWatch::Dashboard"));
        var body = dashboard.Properties["DashboardBody"]!.ToJsonString();

        Assert.Equal($"remittance-{SynthesizedApp.Stage}", dashboard.Properties["DashboardName"]!.GetValue<string>());
        Assert.All(new[] { "enrichment", "notification", "IteratorAge", SweeperMetric.FailedItems, "ExecutionThrottled", "ApproximateNumberOfMessagesVisible" },
            text => Assert.Contains(text, body, StringComparison.Ordinal));
    }

    [Fact]
    public void EveryLogGroup_KeepsLogsThirtyDays()
    {
        var logGroups = app.Main.Template.OfType("AWS::Logs::LogGroup").ToList();

        Assert.Equal(12, logGroups.Count);
        Assert.All(logGroups, g => Assert.Equal(30, g.Properties["RetentionInDays"]!.GetValue<int>()));
    }
}
