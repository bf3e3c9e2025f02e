using Remittance.Domain;
using Remittance.Pipeline.Contracts;
using Remittance.Pipeline.Errors;
using Remittance.Pipeline.Observability;
using Remittance.Pipeline.Schema;
using Remittance.Pipeline.Storage;

namespace Remittance.Pipeline.Ingest;

/// <summary>
/// Turns queue messages into remittance items, idempotently: each valid message is written once per request ID;
/// duplicates are no-ops; conflicts and invalid messages get a durable record with their reasons; only transient
/// failures are handed back for redelivery.
/// </summary>
public sealed class IngestProcessor(
    IMessageContract contract,
    RemittanceRepository repository,
    RemittanceItemFactory factory,
    JsonLog log,
    int maxConcurrency = IngestProcessor.DefaultConcurrency)
{
    public const int DefaultConcurrency = 10;

    public async Task<IReadOnlyList<IngestResult>> ProcessAsync(
        IReadOnlyList<IngestMessage> messages,
        CancellationToken cancellationToken)
    {
        var results = new IngestResult[messages.Count];
        await Parallel.ForEachAsync(
            Enumerable.Range(0, messages.Count),
            new ParallelOptions { MaxDegreeOfParallelism = maxConcurrency },
            async (index, _) => results[index] = await ProcessOneAsync(messages[index], cancellationToken).ConfigureAwait(false))
            .ConfigureAwait(false);
        return results;
    }

    private async Task<IngestResult> ProcessOneAsync(IngestMessage message, CancellationToken cancellationToken)
    {
        try
        {
            cancellationToken.ThrowIfCancellationRequested();
            var result = await IngestAsync(message, cancellationToken).ConfigureAwait(false);
            log.Info("ingest.processed", ("messageId", message.MessageId), ("requestId", result.RequestId), ("key", result.Key),
                ("outcome", result.Outcome.ToString()), ("codes", Codes(result.Reasons)));
            return result;
        }
        catch (Exception failure) when (failure is not OutOfMemoryException)
        {
            // Not only transient faults land here: an unexpected failure (a bug, a missing table) must not drop the
            // message either, so SQS redelivers it and, past maxReceiveCount, moves it to the dead-letter queue.
            log.Warn("ingest.retry_later", ("messageId", message.MessageId), ("error", failure.GetType().Name),
                ("transient", TransientErrors.IsTransient(failure)));
            return new IngestResult(message.MessageId, IngestOutcome.RetryLater, null, null,
                [new ValidationError("$", TransientErrors.IsTransient(failure) ? "TRANSIENT_FAILURE" : "UNEXPECTED_FAILURE",
                    $"{failure.GetType().Name}: {failure.Message}")]);
        }
    }

    private async Task<IngestResult> IngestAsync(IngestMessage message, CancellationToken cancellationToken)
    {
        var parsed = contract.Parse(message.Body);
        if (!parsed.IsValid)
        {
            return await RejectAsync(message, parsed.RequestId, parsed.Errors, cancellationToken).ConfigureAwait(false);
        }

        var remittance = factory.Create(parsed);
        if (remittance.SizeBytes > RemittanceTableSchema.MaxAcceptedItemBytes)
        {
            return await RejectAsync(message, parsed.RequestId,
                [new ValidationError("$", "ITEM_TOO_LARGE",
                    $"the message would be stored as a {remittance.SizeBytes:N0}-byte item; at most " +
                    $"{RemittanceTableSchema.MaxAcceptedItemBytes:N0} bytes are accepted (DynamoDB's 400 KB item limit less " +
                    $"{RemittanceTableSchema.WorkflowResultHeadroomBytes:N0} bytes kept for the workflow's result)")], cancellationToken).ConfigureAwait(false);
        }

        PutResult put;
        try
        {
            put = await repository.PutNewAsync(remittance, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception failure) when (TransientErrors.IsCausedByInput(failure))
        {
            return await RejectAsync(message, parsed.RequestId,
                [new ValidationError("$", "STORAGE_REJECTED", $"DynamoDB refused the item: {failure.Message}")],
                cancellationToken).ConfigureAwait(false);
        }

        switch (put.Outcome)
        {
            case PutOutcome.Created:
                return new IngestResult(message.MessageId, IngestOutcome.Accepted, remittance.RequestId, remittance.RequestId, []);
            case PutOutcome.Duplicate:
                return new IngestResult(message.MessageId, IngestOutcome.Duplicate, remittance.RequestId, remittance.RequestId, []);
            default:
                var key = RecordKeys.Conflict(remittance.RequestId, remittance.PayloadHash);
                await repository.RecordConflictAsync(
                    new Conflict(key, remittance.RequestId, message.MessageId, remittance.PayloadHash, put.ExistingPayloadHash,
                        parsed.Document, message.Body ?? string.Empty), cancellationToken).ConfigureAwait(false);
                return new IngestResult(message.MessageId, IngestOutcome.Conflict, key, remittance.RequestId,
                    [new ValidationError("requestId", "CONFLICTING_DUPLICATE",
                        $"request ID is already stored with a different payload (stored hash {Short(put.ExistingPayloadHash)}, " +
                        $"this message {Short(remittance.PayloadHash)}); the stored remittance was kept")]);
        }
    }

    private async Task<IngestResult> RejectAsync(
        IngestMessage message,
        string? requestId,
        IReadOnlyList<ValidationError> reasons,
        CancellationToken cancellationToken)
    {
        var key = RecordKeys.Rejection(requestId, message.MessageId);
        await repository.RecordRejectionAsync(
            new Rejection(key, requestId, message.MessageId, message.Body ?? string.Empty, reasons), cancellationToken)
            .ConfigureAwait(false);
        return new IngestResult(message.MessageId, IngestOutcome.Rejected, key, requestId, reasons);
    }

    private static string[] Codes(IReadOnlyList<ValidationError> reasons)
    {
        if (reasons.Count == 0)
        {
            return [];
        }

        var codes = new string[reasons.Count];
        for (var index = 0; index < codes.Length; index++)
        {
            codes[index] = reasons[index].Code;
        }

        return codes;
    }

    private static string Short(string? hash) => hash is null ? "(none)" : hash[..Math.Min(12, hash.Length)];
}
