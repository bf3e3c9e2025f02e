using System.Text.Json;
using System.Text.Json.Nodes;
using Remittance.Pipeline.Schema;
using Remittance.Workflows.Definition;

namespace Remittance.Workflows.Asl;

/// <summary>
/// Writes a <see cref="WorkflowDefinition"/> as Amazon States Language for a Standard state machine. Lambda tasks call
/// the workflow function (payload: task name, steps, and the state input); publishing and recording success use the
/// native SNS and DynamoDB integrations, so they cost a state transition but no Lambda invocation.
/// </summary>
public static class AslWriter
{
    private static readonly JsonSerializerOptions s_indented = new() { WriteIndented = true };

    public static string Write(WorkflowDefinition definition) => ToJson(definition).ToJsonString(s_indented);

    public static JsonObject ToJson(WorkflowDefinition definition)
    {
        var states = new JsonObject();
        foreach (var state in definition.States)
        {
            states[state.Name] = state switch
            {
                LambdaTaskState task => Lambda(task),
                PublishState publish => Publish(publish),
                RecordSuccessState record => RecordSuccess(record),
                FailState fail => new JsonObject
                {
                    ["Type"] = "Fail",
                    ["Comment"] = fail.Comment,
                    ["ErrorPath"] = "$.error.Error",
                    ["CausePath"] = "$.error.Cause",
                },
                _ => throw new NotSupportedException($"State type {state.GetType().Name} has no ASL form."),
            };

            if (state is TaskState taskState)
            {
                var current = states[state.Name]!.AsObject();
                current["Retry"] = new JsonArray([.. taskState.Retry.Select(Retry)]);
                if (taskState.Catch.Count > 0)
                {
                    current["Catch"] = new JsonArray([.. taskState.Catch.Select(c => (JsonNode)new JsonObject
                    {
                        ["ErrorEquals"] = Strings(c.Errors),
                        ["ResultPath"] = "$.error",
                        ["Next"] = c.Next,
                    })]);
                }

                if (definition.NextTask(taskState) is { } next)
                {
                    current["Next"] = next.Name;
                }
                else
                {
                    current["End"] = true;
                }
            }
        }

        return new JsonObject
        {
            ["Comment"] = definition.Comment,
            ["StartAt"] = definition.Tasks.First().Name,
            ["TimeoutSeconds"] = definition.TimeoutSeconds,
            ["States"] = states,
        };
    }

    private static JsonObject Lambda(LambdaTaskState task) => new()
    {
        ["Type"] = "Task",
        ["Comment"] = task.Comment,
        // The function's ARN as the resource: the payload is exactly the Parameters and the result is the function's
        // return value, with no envelope to unwrap.
        ["Resource"] = AslPlaceholders.Reference(AslPlaceholders.WorkflowFunctionArn),
        ["Parameters"] = new JsonObject
        {
            ["task"] = task.Name,
            ["steps"] = Strings(task.Steps),
            ["input.$"] = "$",
        },
        ["ResultPath"] = task.ResultPath,
    };

    private static JsonObject Publish(PublishState publish) => new()
    {
        ["Type"] = "Task",
        ["Comment"] = publish.Comment,
        ["Resource"] = "arn:aws:states:::sns:publish",
        ["Parameters"] = new JsonObject
        {
            ["TopicArn"] = AslPlaceholders.Reference(AslPlaceholders.TopicArn(publish.Topic)),
            ["Message.$"] = $"States.JsonToString({publish.MessagePath})",
            ["MessageAttributes"] = new JsonObject
            {
                ["requestId"] = new JsonObject { ["DataType"] = "String", ["StringValue.$"] = "$.requestId" },
            },
        },
        ["ResultPath"] = null,
    };

    private static JsonObject RecordSuccess(RecordSuccessState record)
    {
        var names = new JsonObject();
        foreach (var (placeholder, attribute) in SuccessUpdate.Names(record.ResultAttribute))
        {
            names[placeholder] = attribute;
        }

        return new JsonObject
        {
            ["Type"] = "Task",
            ["Comment"] = record.Comment,
            ["Resource"] = "arn:aws:states:::dynamodb:updateItem",
            ["Parameters"] = new JsonObject
            {
                ["TableName"] = AslPlaceholders.Reference(AslPlaceholders.TableName),
                ["Key"] = new JsonObject { [ItemAttributes.RequestId] = new JsonObject { ["S.$"] = "$.requestId" } },
                ["UpdateExpression"] = SuccessUpdate.UpdateExpression,
                ["ConditionExpression"] = SuccessUpdate.ConditionExpression,
                ["ExpressionAttributeNames"] = names,
                ["ExpressionAttributeValues"] = new JsonObject
                {
                    [":status"] = new JsonObject { ["S"] = record.SuccessStatus },
                    [":result"] = new JsonObject { ["S.$"] = $"States.JsonToString({record.ResultPath})" },
                    [":now"] = new JsonObject { ["S.$"] = "$$.State.EnteredTime" },
                    [":one"] = new JsonObject { ["N"] = "1" },
                    [":executionName"] = new JsonObject { ["S.$"] = "$$.Execution.Name" },
                },
            },
            ["ResultPath"] = null,
        };
    }

    private static JsonObject Retry(RetryPolicy retry)
    {
        var json = new JsonObject
        {
            ["ErrorEquals"] = Strings(retry.Errors),
            ["IntervalSeconds"] = retry.IntervalSeconds,
            ["BackoffRate"] = retry.BackoffRate,
            ["MaxAttempts"] = retry.MaxAttempts,
        };
        if (retry.MaxDelaySeconds is { } cap)
        {
            json["MaxDelaySeconds"] = cap;
        }

        if (retry.FullJitter)
        {
            json["JitterStrategy"] = "FULL";
        }

        return json;
    }

    private static JsonArray Strings(IEnumerable<string> values) => new([.. values.Select(v => (JsonNode)JsonValue.Create(v))]);
}
