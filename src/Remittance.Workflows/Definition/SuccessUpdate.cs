using Remittance.Pipeline.Schema;

namespace Remittance.Workflows.Definition;

/// <summary>
/// The one UpdateItem that records success, shared by the ASL (native DynamoDB integration) and the local runner.
/// It conditions on the execution name instead of a version number the run cannot know (the sweeper bumps it when
/// it re-drives): the name identifies the run that owns the item, and the version is still incremented atomically
/// so every other writer's versioned condition sees the change.
/// </summary>
public static class SuccessUpdate
{
    public const string UpdateExpression =
        "SET #status = :status, #result = :result, #updated = :now, #version = #version + :one REMOVE #retry, #failed, #running, #lastError";

    public const string ConditionExpression = "#executionName = :executionName";

    public static IReadOnlyDictionary<string, string> Names(string resultAttribute) => new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["#status"] = ItemAttributes.Status,
        ["#result"] = resultAttribute,
        ["#updated"] = ItemAttributes.UpdatedAt,
        ["#version"] = ItemAttributes.VersionId,
        ["#retry"] = ItemAttributes.RetryJob,
        ["#failed"] = ItemAttributes.FailedJob,
        ["#running"] = ItemAttributes.RunningJob,
        ["#lastError"] = ItemAttributes.LastError,
        ["#executionName"] = ItemAttributes.ExecutionName,
    };
}
