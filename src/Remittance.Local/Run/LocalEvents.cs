using System.Globalization;
using Remittance.Aws.Lambda.CloudWatchEvents.StepFunctionsEvents;
using Remittance.Aws.Lambda.SQSEvents;
using Remittance.Aws.Runtime;
using Remittance.Local.Sqs;
using Remittance.Local.StepFunctions;
using Remittance.Pipeline.Tracking;

namespace Remittance.Local.Run;

/// <summary>
/// The events AWS would hand the functions, built from the local host's state: the SQS event source's batch and the
/// EventBridge "Step Functions Execution Status Change" event the status rule matches.
/// </summary>
public static class LocalEvents
{
    /// <summary>The statuses the deployed status rule matches; success is recorded by the workflow itself.</summary>
    public static bool StatusRuleMatches(string status) => ExecutionStatuses.IsFailure(status);

    /// <summary>
    /// Hands a status-change event to the status function as the rule's target: EventBridge retries a failed delivery;
    /// locally, four quick retries (10, 20, 30, 40 ms) stand in for that.
    /// </summary>
    /// <param name="deliver">One delivery (one invocation of the status function).</param>
    /// <param name="failed">Whether an exception means the delivery failed (so it is retried).</param>
    public static Task<T> DeliverStatusChangeAsync<T>(Func<CancellationToken, Task<T>> deliver, Func<Exception, bool> failed, CancellationToken cancellationToken) =>
        Retry.RunAsync(deliver, 4, failed, retry => TimeSpan.FromMilliseconds(10 * retry), TimeProvider.System, cancellationToken);

    /// <summary>A batch as Lambda's SQS event source delivers it, from the queue named <paramref name="queueName"/>.</summary>
    public static SQSEvent Sqs(IReadOnlyList<QueuedMessage> batch, string queueName) => new()
    {
        Records = [.. batch.Select(m => new SQSEvent.SQSMessage
        {
            MessageId = m.MessageId,
            ReceiptHandle = m.MessageId + "#" + m.ReceiveCount,
            Body = m.Input.Body,
            EventSource = "aws:sqs",
            EventSourceArn = $"arn:aws:sqs:us-east-1:000000000000:{queueName}",
            AwsRegion = "us-east-1",
            Attributes = new()
            {
                ["ApproximateReceiveCount"] = m.ReceiveCount.ToString(CultureInfo.InvariantCulture),
                ["SentTimestamp"] = m.SentAt.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture),
            },
        })],
    };

    /// <summary>The status-change event for <paramref name="execution"/>, as Step Functions sends it to EventBridge.</summary>
    public static StepFunctionsExecutionStatusChangeEvent StatusChange(LocalExecution execution, LocalStepFunctions stepFunctions, DateTimeOffset now) => new()
    {
        Id = Guid.NewGuid().ToString(),
        Source = StepFunctionsExecutionStatusChangeEvent.EventSource,
        DetailType = StepFunctionsExecutionStatusChangeEvent.EventDetailType,
        Time = now.UtcDateTime,
        Region = stepFunctions.Region,
        Account = stepFunctions.Account,
        Resources = [execution.ExecutionArn],
        Detail = new StepFunctionsExecutionStatusChangeDetail
        {
            ExecutionArn = execution.ExecutionArn,
            StateMachineArn = execution.StateMachineArn,
            Name = execution.Name,
            Status = execution.Status,
            StartDate = execution.StartDate.UtcDateTime,
            StopDate = execution.StopDate?.UtcDateTime,
            Input = execution.Input,
            Error = execution.Error,
            Cause = execution.Cause,
            RedriveCount = execution.RedriveCount,
        },
    };
}
