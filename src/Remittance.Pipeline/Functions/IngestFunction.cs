using Remittance.Aws.Lambda.Core;
using Remittance.Aws.Lambda.SQSEvents;
using Remittance.Pipeline.Ingest;

namespace Remittance.Pipeline.Functions;

/// <summary>
/// SQS → ingest. Only messages that may succeed on redelivery are returned as batch item failures; rejected and
/// conflicting messages are recorded in the table and acknowledged, because redelivery cannot fix them.
/// </summary>
public sealed class IngestFunction(IngestProcessor processor, Action<IngestResult>? observe = null)
{
    public async Task<SQSBatchResponse> HandleAsync(SQSEvent sqsEvent, ILambdaContext context, CancellationToken cancellationToken)
    {
        var messages = sqsEvent.Records.Select(record => new IngestMessage(record.MessageId, record.Body)).ToList();
        var results = await processor.ProcessAsync(messages, cancellationToken).ConfigureAwait(false);
        var response = new SQSBatchResponse();
        foreach (var result in results)
        {
            observe?.Invoke(result);
            if (result.Outcome == IngestOutcome.RetryLater)
            {
                response.BatchItemFailures.Add(new SQSBatchResponse.BatchItemFailure { ItemIdentifier = result.MessageId });
            }
        }

        return response;
    }
}
