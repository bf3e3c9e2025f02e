using System.Globalization;
using System.Text.Json.Nodes;
using Remittance.Aws.StepFunctions;
using Remittance.Domain;
using Remittance.Pipeline.Errors;
using Remittance.Pipeline.Observability;
using Remittance.Pipeline.Schema;
using Remittance.Pipeline.Storage;

namespace Remittance.Pipeline.Start;

/// <summary>
/// Starts the workflow for each newly received remittance, under the execution name stored on the item. Step
/// Functions refuses a second execution with the same name, so a replayed stream record cannot start a second run.
/// </summary>
public sealed class StartProcessor(
    IAmazonStepFunctions stepFunctions,
    string stateMachineArn,
    RemittanceRepository repository,
    JsonLog log,
    int maxConcurrency = StartProcessor.DefaultConcurrency)
{
    public const int DefaultConcurrency = 10;

    /// <summary>The records this function owns: inserts of received items (updates, deletes, rejection and conflict records are not).</summary>
    public static StreamFilter Filter { get; } = new("INSERT", ItemAttributes.Status, RemittanceStatus.Received.ToWire());

    public async Task<IReadOnlyList<StartResult>> ProcessAsync(IReadOnlyList<StreamChange> changes, CancellationToken cancellationToken)
    {
        var results = new StartResult[changes.Count];
        await Parallel.ForEachAsync(
            Enumerable.Range(0, changes.Count),
            new ParallelOptions { MaxDegreeOfParallelism = maxConcurrency },
            async (index, _) => results[index] = await ProcessOneAsync(changes[index], cancellationToken).ConfigureAwait(false))
            .ConfigureAwait(false);
        return results;
    }

    /// <summary>The remittance this function should start, or null when the record is not ours.</summary>
    public static OwnedRecord? Owned(StreamChange change)
    {
        if (change.NewImage is not { } image || !Filter.Matches(change.EventName, name => Text(image, name))
            || Text(image, ItemAttributes.RequestId) is not { } requestId
            || Text(image, ItemAttributes.ExecutionName) is not { } executionName || !ExecutionName.IsValid(executionName)
            || image[ItemAttributes.VersionId] is not JsonValue versionNode
            || !long.TryParse(versionNode.ToJsonString(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var version))
        {
            return null;
        }

        return new OwnedRecord(requestId, executionName, version, image);
    }

    private async Task<StartResult> ProcessOneAsync(StreamChange change, CancellationToken cancellationToken)
    {
        if (Owned(change) is not { } owned)
        {
            return new StartResult(change.SequenceNumber, null, null, StartOutcome.Ignored, null);
        }

        try
        {
            cancellationToken.ThrowIfCancellationRequested();
            var outcome = await StartAsync(owned, cancellationToken).ConfigureAwait(false);
            log.Info("start.processed", ("requestId", owned.RequestId), ("executionName", owned.ExecutionName),
                ("outcome", outcome.Outcome.ToString()));
            return outcome with { SequenceNumber = change.SequenceNumber };
        }
        catch (Exception failure) when (failure is not OutOfMemoryException)
        {
            log.Warn("start.retry_later", ("requestId", owned.RequestId), ("executionName", owned.ExecutionName),
                ("error", failure.GetType().Name), ("transient", TransientErrors.IsTransient(failure)));
            return new StartResult(change.SequenceNumber, owned.RequestId, owned.ExecutionName, StartOutcome.RetryLater,
                $"{failure.GetType().Name}: {failure.Message}");
        }
    }

    private async Task<StartResult> StartAsync(OwnedRecord owned, CancellationToken cancellationToken)
    {
        try
        {
            await stepFunctions.StartExecutionAsync(new StartExecutionRequest
            {
                StateMachineArn = stateMachineArn,
                Name = owned.ExecutionName,
                Input = WorkflowInput.For(owned.Image),
            }, cancellationToken).ConfigureAwait(false);
            return new StartResult(string.Empty, owned.RequestId, owned.ExecutionName, StartOutcome.Started, null);
        }
        catch (ExecutionAlreadyExistsException)
        {
            return new StartResult(string.Empty, owned.RequestId, owned.ExecutionName, StartOutcome.AlreadyStarted, null);
        }
        catch (AmazonStepFunctionsException failure) when (!TransientErrors.IsTransient(failure))
        {
            // Retrying this record cannot help (bad name or input, missing state machine, access denied) and would
            // hold up the shard: record it on the item so the sweeper re-drives it once the cause is fixed.
            var recorded = await repository.RecordStartFailureAsync(owned.RequestId, owned.Version,
                failure.ErrorCode ?? failure.GetType().Name, failure.Message, cancellationToken).ConfigureAwait(false);
            return new StartResult(string.Empty, owned.RequestId, owned.ExecutionName,
                recorded ? StartOutcome.FailureRecorded : StartOutcome.Ignored,
                recorded ? failure.ErrorCode : "the item moved on before the failure was recorded");
        }
    }

    private static string? Text(JsonObject image, string name) =>
        image[name] is JsonValue value && value.TryGetValue<string>(out var text) ? text : null;
}
