using Remittance.Aws.Lambda.Core;
using Remittance.Aws.Lambda.DynamoDBEvents;
using Remittance.Pipeline.Start;

namespace Remittance.Pipeline.Functions;

/// <summary>
/// DynamoDB Streams → StartExecution. Failed records are reported by sequence number; Lambda resumes the shard
/// from the lowest one, and starting again is safe because the execution name is fixed on the item.
/// </summary>
public sealed class StreamFunction(StartProcessor processor, Action<StartResult>? observe = null)
{
    public async Task<StreamsEventResponse> HandleAsync(DynamoDBEvent streamEvent, ILambdaContext context, CancellationToken cancellationToken)
    {
        var changes = streamEvent.Records
            .Select(record => new StreamChange(
                record.EventName ?? string.Empty,
                record.Dynamodb.SequenceNumber ?? string.Empty,
                record.Dynamodb.NewImage?.ToJsonObject()))
            .ToList();
        var results = await processor.ProcessAsync(changes, cancellationToken).ConfigureAwait(false);
        var response = new StreamsEventResponse();
        foreach (var result in results)
        {
            observe?.Invoke(result);
            if (result.Outcome == StartOutcome.RetryLater)
            {
                response.BatchItemFailures.Add(new StreamsEventResponse.BatchItemFailure { ItemIdentifier = result.SequenceNumber });
            }
        }

        return response;
    }
}
