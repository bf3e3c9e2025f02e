using Amazon.CDK;
using Amazon.CDK.AWS.CloudWatch;
using Amazon.CDK.AWS.CloudWatch.Actions;
using Amazon.CDK.AWS.SQS;
using Remittance.Cdk.Operations;
using Remittance.Pipeline.Composition;

namespace Remittance.Cdk.Patterns;

public sealed partial class TrackedWorkflowService
{
    /// <summary>Stream records older than this mean starts are falling behind (normal is well under a second).</summary>
    public static readonly Duration IteratorAgeThreshold = Duration.Minutes(5);

    private static readonly Duration s_period = Duration.Minutes(5);

    /// <summary>The failed-item count the sweeper publishes, one value per sweep.</summary>
    public Metric FailedItemsMetric => new(new MetricProps
    {
        Namespace = SweeperMetric.Namespace,
        MetricName = SweeperMetric.FailedItems,
        DimensionsMap = new Dictionary<string, string> { [SweeperMetric.ServiceDimension] = ServiceName },
        Statistic = Stats.MAXIMUM,
        Period = Duration.Minutes(_props.SweeperScheduleMinutes),
    });

    public IMetric IteratorAgeMetric => _functions[FunctionName.Stream].Metric("IteratorAge", new MetricOptions
    {
        Statistic = Stats.MAXIMUM,
        Period = Duration.Minutes(1),
    });

    /// <summary>Runs that ended without success: failed, timed out or aborted.</summary>
    public IMetric UnsuccessfulRunsMetric => new MathExpression(new MathExpressionProps
    {
        Expression = "failed + timedOut + aborted",
        Label = "unsuccessful runs",
        Period = s_period,
        UsingMetrics = new Dictionary<string, IMetric>
        {
            ["failed"] = StateMachine.MetricFailed(new MetricOptions { Statistic = Stats.SUM, Period = s_period }),
            ["timedOut"] = StateMachine.MetricTimedOut(new MetricOptions { Statistic = Stats.SUM, Period = s_period }),
            ["aborted"] = StateMachine.MetricAborted(new MetricOptions { Statistic = Stats.SUM, Period = s_period }),
        },
    });

    private void CreateAlarms()
    {
        foreach (var (queue, what) in new (Queue, string)[]
        {
            (IngestDeadLetterQueue, "ingest-dlq"), (StreamFailureQueue, "stream-failures"), (StatusDeadLetterQueue, "status-dlq"),
        })
        {
            AddAlarm(what, $"Messages in the {what} queue: something the pipeline could not handle is waiting for an operator.",
                queue.MetricApproximateNumberOfMessagesVisible(new MetricOptions { Statistic = Stats.MAXIMUM, Period = Duration.Minutes(1) }),
                threshold: 1);
        }

        AddAlarm("failed-items", "Remittances used up their retries and sit in the failed index (published by the sweeper).",
            FailedItemsMetric, threshold: 1);
        AddAlarm("runs-unsuccessful", "Executions failed, timed out or were aborted (the sweeper re-drives them within the retry threshold).",
            UnsuccessfulRunsMetric, threshold: 1);
        AddAlarm("runs-throttled", "StartExecution was throttled: starts are being delayed.",
            StateMachine.MetricThrottled(new MetricOptions { Statistic = Stats.SUM, Period = s_period }), threshold: 1);
        AddAlarm("stream-iterator-age", $"The stream function is more than {IteratorAgeThreshold.ToMinutes()} minutes behind the table's stream.",
            IteratorAgeMetric, threshold: IteratorAgeThreshold.ToMilliseconds(), evaluationPeriods: 3);
    }

    private void AddAlarm(string what, string description, IMetric metric, double threshold, int evaluationPeriods = 1)
    {
        var alarm = new Alarm(this, $"Alarm-{what}", new AlarmProps
        {
            AlarmName = $"{Prefix}-{what}",
            AlarmDescription = description,
            Metric = metric,
            Threshold = threshold,
            ComparisonOperator = ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
            EvaluationPeriods = evaluationPeriods,
            TreatMissingData = TreatMissingData.NOT_BREACHING,
        });
        alarm.AddAlarmAction(new SnsAction(_props.AlarmTopic));
        alarm.AddOkAction(new SnsAction(_props.AlarmTopic));
        _alarms.Add(alarm);
    }

    /// <summary>This service's part of the dashboard: a heading and one row of graphs per concern.</summary>
    public IWidget[] DashboardWidgets()
    {
        var functions = _functions.Values.ToList();
        GraphWidget Graph(string title, IEnumerable<IMetric> metrics) =>
            new(new GraphWidgetProps { Title = $"{ServiceName}: {title}", Left = [.. metrics], Width = 8, Height = 6 });

        return
        [
            new TextWidget(new TextWidgetProps { Markdown = $"## {ServiceName}", Width = 24, Height = 1 }),
            Graph("ingest queue", [
                IngestQueue.MetricApproximateNumberOfMessagesVisible(),
                IngestQueue.MetricApproximateAgeOfOldestMessage(),
            ]),
            Graph("dead letters", DeadLetterQueues.Select(q => q.MetricApproximateNumberOfMessagesVisible())),
            Graph("runs", [
                StateMachine.MetricStarted(),
                StateMachine.MetricSucceeded(),
                UnsuccessfulRunsMetric,
                StateMachine.MetricThrottled(),
            ]),
            Graph("stream iterator age (ms)", [IteratorAgeMetric]),
            Graph("failed items", [FailedItemsMetric]),
            Graph("function errors", functions.Select(f => f.MetricErrors())),
            Graph("function duration p99 (ms)", functions.Select(f => f.MetricDuration(new MetricOptions { Statistic = "p99" }))),
            Graph("function throttles", functions.Select(f => f.MetricThrottles())),
            Graph("function concurrency", functions.Select(f => f.Metric("ConcurrentExecutions", new MetricOptions { Statistic = Stats.MAXIMUM }))),
        ];
    }

    private void CreateOutputs()
    {
        _ = new CfnOutput(this, "IngestQueueUrl", new CfnOutputProps { Value = IngestQueue.QueueUrl, Description = $"{ServiceName} ingest queue" });
        _ = new CfnOutput(this, "TableName", new CfnOutputProps { Value = Table.TableName, Description = $"{ServiceName} remittance table" });
        _ = new CfnOutput(this, "StateMachineArn", new CfnOutputProps { Value = StateMachine.StateMachineArn, Description = $"{ServiceName} state machine" });
    }
}
