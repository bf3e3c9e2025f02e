using System.Globalization;
using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using Remittance.Aws.StepFunctions;
using Remittance.Bench.Support;
using Remittance.Domain;
using Remittance.Pipeline.Schema;
using Remittance.Pipeline.Storage;
using Remittance.Pipeline.Sweeping;

namespace Remittance.Bench.Sweeping;

/// <summary>
/// The baseline for the sweeper's own overhead: the bare SDK making the calls a re-drive cannot do without — a
/// consistent GetItem, the versioned claim UpdateItem, StartExecution with the item as input — for the same items,
/// at the same concurrency and through the same token bucket, but with no index scan, no DescribeExecution, no
/// decisions and no summary. Measured like the sweep: over the steady part, from the 10th to the 90th percentile start.
/// </summary>
public static class BareRedrive
{
    public static async Task<Trial> RunAsync(IAmazonDynamoDB dynamoDb, IAmazonStepFunctions stepFunctions, string table, string stateMachineArn,
        IReadOnlyList<string> requestIds, SweeperSettings settings, CancellationToken ct)
    {
        var bucket = new TokenBucket(settings.StartBurst, settings.StartRatePerSecond, TimeProvider.System);
        var (from, to) = (requestIds.Count / 10, requestIds.Count * 9 / 10);
        var marks = new CpuClock[2];
        var started = 0;
        await Parallel.ForEachAsync(requestIds, new ParallelOptions { MaxDegreeOfParallelism = settings.Concurrency, CancellationToken = ct },
            async (requestId, token) =>
            {
                var key = new Dictionary<string, AttributeValue> { [ItemAttributes.RequestId] = new() { S = requestId } };
                var item = (await dynamoDb.GetItemAsync(new GetItemRequest { TableName = table, Key = key, ConsistentRead = true }, token)).Item;
                var version = long.Parse(item[ItemAttributes.VersionId].N, CultureInfo.InvariantCulture);
                var name = ExecutionName.For(requestId, 2);
                var claimed = (await dynamoDb.UpdateItemAsync(new UpdateItemRequest
                {
                    TableName = table,
                    Key = key,
                    UpdateExpression = "SET #status = :status, #running = :rid, #attempt = :attempt, #name = :name, #updated = :now, #version = :next REMOVE #retry, #failed",
                    ConditionExpression = "#version = :expected",
                    ExpressionAttributeNames = new()
                    {
                        ["#status"] = ItemAttributes.Status, ["#running"] = ItemAttributes.RunningJob, ["#attempt"] = ItemAttributes.Attempt,
                        ["#name"] = ItemAttributes.ExecutionName, ["#updated"] = ItemAttributes.UpdatedAt, ["#version"] = ItemAttributes.VersionId,
                        ["#retry"] = ItemAttributes.RetryJob, ["#failed"] = ItemAttributes.FailedJob,
                    },
                    ExpressionAttributeValues = new()
                    {
                        [":status"] = new() { S = RemittanceStatus.Running.ToWire() },
                        [":rid"] = new() { S = requestId },
                        [":attempt"] = new() { N = "2" },
                        [":name"] = new() { S = name },
                        [":now"] = new() { S = Timestamps.Format(DateTimeOffset.UtcNow) },
                        [":next"] = new() { N = (version + 1).ToString(CultureInfo.InvariantCulture) },
                        [":expected"] = new() { N = version.ToString(CultureInfo.InvariantCulture) },
                    },
                    ReturnValues = ReturnValue.ALL_NEW,
                }, token)).Attributes;
                await bucket.WaitAsync(token);
                await stepFunctions.StartExecutionAsync(new StartExecutionRequest
                {
                    StateMachineArn = stateMachineArn,
                    Name = name,
                    Input = AttributeValueJson.ToJsonObject(claimed).ToJsonString(),
                }, token);
                var done = Interlocked.Increment(ref started);
                if (done == from || done == to)
                {
                    marks[done == from ? 0 : 1] = CpuClock.Now();
                }
            });
        return Trial.From(marks[0], marks[1], to - from);
    }
}
