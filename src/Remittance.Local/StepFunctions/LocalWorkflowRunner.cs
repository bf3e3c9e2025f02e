using System.Text.Json.Nodes;
using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using Remittance.Pipeline.Errors;
using Remittance.Pipeline.Schema;
using Remittance.Pipeline.Storage;
using Remittance.Workflows.Definition;
using Remittance.Workflows.Steps;

namespace Remittance.Local.StepFunctions;

/// <summary>
/// Executes a <see cref="WorkflowDefinition"/> in-process the way Step Functions executes its ASL: task states in
/// order, the first matching Retry rule with its interval, backoff, cap and full jitter (delays multiplied by
/// <paramref name="timeScale"/> so a local run does not wait real seconds), Catch to the Fail state, ResultPath.
/// Lambda tasks call the workflow function (<see cref="ILocalTaskInvoker"/>); publishing goes to <see cref="ITopicPublisher"/>; success
/// is recorded with the same UpdateItem the ASL sends to DynamoDB. Step Functions' quotas are enforced
/// (<see cref="StepFunctionsQuotas"/>): a payload over 256 KiB fails the run with States.DataLimitExceeded, which no
/// Retry or Catch handles, and so does a history over 25,000 events.
/// </summary>
public sealed class LocalWorkflowRunner(
    WorkflowDefinition definition,
    ILocalTaskInvoker tasks,
    IAmazonDynamoDB dynamoDb,
    string tableName,
    ITopicPublisher topics,
    TimeProvider time,
    double timeScale,
    Random jitter,
    Func<TaskState, string, Exception?>? stateFault = null) : ILocalExecutionRunner
{
    private readonly Lock _jitterGate = new();

    public WorkflowDefinition Definition => definition;

    public async Task<LocalRunOutcome> RunAsync(LocalExecution execution, string? resumeFrom, JsonObject? resumeState, CancellationToken cancellationToken)
    {
        var state = resumeState?.DeepClone().AsObject() ?? JsonNode.Parse(execution.Input)?.AsObject()
            ?? throw new InvalidOperationException("An execution input must be a JSON object.");
        var all = definition.Tasks.ToList();
        var start = resumeFrom is null ? 0 : all.FindIndex(t => t.Name == resumeFrom);
        var events = 1; // ExecutionStarted (or ExecutionRedriven)
        foreach (var task in all.Skip(Math.Max(start, 0)))
        {
            var retries = new Dictionary<RetryPolicy, int>();
            try
            {
                // A state's input is the same on every attempt: checked once.
                StepFunctionsQuotas.CheckPayload(state, task.Name, "input");
            }
            catch (StepFunctionsQuotaException quota)
            {
                return new LocalRunOutcome("FAILED", quota.Error, quota.Message, task.Name, state, Redrivable: true);
            }

            while (true)
            {
                string error;
                string cause;
                events += StepFunctionsQuotas.EventsPerTaskAttempt;
                try
                {
                    if (events > StepFunctionsQuotas.MaxHistoryEvents)
                    {
                        throw new StepFunctionsQuotaException("States.Runtime",
                            $"The execution's history would exceed {StepFunctionsQuotas.MaxHistoryEvents:N0} events.");
                    }

                    state = await ExecuteAsync(task, state, execution, cancellationToken).ConfigureAwait(false);
                    StepFunctionsQuotas.CheckPayload(state, task.Name, "output");
                    break;
                }
                catch (StepFunctionsQuotaException quota)
                {
                    return new LocalRunOutcome("FAILED", quota.Error, quota.Message, task.Name, state, Redrivable: true);
                }
                catch (Exception failure) when (failure is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
                {
                    (error, cause) = ErrorOf(task, failure);
                }

                // Step Functions uses the first retrier whose ErrorEquals matches, each with its own attempt count.
                if (task.Retry.FirstOrDefault(r => r.Matches(error)) is { } policy && retries.GetValueOrDefault(policy) < policy.MaxAttempts)
                {
                    retries[policy] = retries.GetValueOrDefault(policy) + 1;
                    await Task.Delay(Delay(policy, retries[policy]), time, cancellationToken).ConfigureAwait(false);
                    continue;
                }

                if (task.Catch.FirstOrDefault(c => c.Errors.Contains(error, StringComparer.Ordinal) || c.Errors.Contains(WorkflowErrors.All, StringComparer.Ordinal)) is { } caught)
                {
                    // Ends in the Fail state: its error and cause are the caught ones, and redrive would only fail again.
                    return new LocalRunOutcome("FAILED", error, cause, caught.Next, null, Redrivable: false);
                }

                return new LocalRunOutcome("FAILED", error, cause, task.Name, state, Redrivable: true);
            }
        }

        return LocalRunOutcome.Succeeded;
    }

    private TimeSpan Delay(RetryPolicy policy, int retry)
    {
        var delay = policy.DelayBefore(retry).TotalMilliseconds;
        if (policy.FullJitter)
        {
            lock (_jitterGate)
            {
                delay *= jitter.NextDouble();
            }
        }

        return TimeSpan.FromMilliseconds(delay * timeScale);
    }

    private async Task<JsonObject> ExecuteAsync(TaskState task, JsonObject state, LocalExecution execution, CancellationToken cancellationToken)
    {
        if (stateFault?.Invoke(task, execution.Name) is { } fault)
        {
            throw fault;
        }

        switch (task)
        {
            case LambdaTaskState lambda:
                // The function receives exactly what the ASL Parameters build: task, steps and the state input.
                var payload = new WorkflowTaskRequest(lambda.Name, lambda.Steps, state).ToJson();
                StepFunctionsQuotas.CheckPayload(payload, lambda.Name, "input after Parameters");
                var request = WorkflowTaskRequest.Parse(payload);
                var result = await tasks.InvokeAsync(request, cancellationToken).ConfigureAwait(false);
                StepFunctionsQuotas.CheckPayload(result, lambda.Name, "task result");
                return JsonPaths.Set(state, lambda.ResultPath, result?.DeepClone());
            case PublishState publish:
                var message = JsonPaths.Get(state, publish.MessagePath)?.ToJsonString() ?? "null";
                await topics.PublishAsync(publish.Topic, RequestId(state), message, cancellationToken).ConfigureAwait(false);
                return state;
            case RecordSuccessState record:
                await RecordSuccessAsync(record, state, execution, cancellationToken).ConfigureAwait(false);
                return state;
            default:
                throw new NotSupportedException($"State type {task.GetType().Name} cannot run locally.");
        }
    }

    private Task RecordSuccessAsync(RecordSuccessState record, JsonObject state, LocalExecution execution, CancellationToken cancellationToken) =>
        dynamoDb.UpdateItemAsync(new UpdateItemRequest
        {
            TableName = tableName,
            Key = new() { [ItemAttributes.RequestId] = new AttributeValue { S = RequestId(state) } },
            UpdateExpression = SuccessUpdate.UpdateExpression,
            ConditionExpression = SuccessUpdate.ConditionExpression,
            ExpressionAttributeNames = new(SuccessUpdate.Names(record.ResultAttribute)),
            ExpressionAttributeValues = new()
            {
                [":status"] = new AttributeValue { S = record.SuccessStatus },
                [":result"] = new AttributeValue { S = JsonPaths.Get(state, record.ResultPath)?.ToJsonString() ?? "null" },
                [":now"] = new AttributeValue { S = Timestamps.Format(time.GetUtcNow()) },
                [":one"] = new AttributeValue { N = "1" },
                [":executionName"] = new AttributeValue { S = execution.Name },
            },
        }, cancellationToken);

    private static string RequestId(JsonObject state) =>
        (string?)state[ItemAttributes.RequestId] ?? throw new InvalidOperationException("The state has no requestId.");

    /// <summary>The error name Step Functions would report for this failure in this kind of state.</summary>
    private static (string Error, string Cause) ErrorOf(TaskState task, Exception failure) => (task, failure) switch
    {
        (_, StepError step) => (step.ErrorName, step.Message),
        (_, LambdaTaskFailedException function) => (function.ErrorType, function.Message),
        (RecordSuccessState, ConditionalCheckFailedException) => (WorkflowErrors.DynamoDbConditionFailed, failure.Message),
        (RecordSuccessState, AmazonDynamoDBException dynamo) when TransientErrors.IsTransient(dynamo) => (WorkflowErrors.DynamoDbThrottled, failure.Message),
        (RecordSuccessState, AmazonDynamoDBException dynamo) => ("DynamoDB." + (dynamo.ErrorCode ?? "AmazonDynamoDBException"), failure.Message),
        (PublishState, _) => (WorkflowErrors.SnsInternal, failure.Message),
        // An unhandled exception in the function: Lambda reports its type name.
        _ => (failure.GetType().Name, failure.Message),
    };
}
