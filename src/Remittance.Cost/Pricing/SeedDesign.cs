using Amazon.DynamoDBv2.Model;
using Remittance.Cost.MeteredRun;
using Remittance.Cost.Metering;
using Remittance.Domain;
using Remittance.Pipeline.Schema;
using Remittance.Pipeline.Start;
using Remittance.Workflows.Definition;

namespace Remittance.Cost.Pricing;

/// <summary>
/// The seed design as described (../shared/background): the same queues, tables, stream and sweeper, but the stream
/// function marks each item RUNNING with <c>runningJob</c> set when it starts the run (so the running index holds every
/// item for the duration of its run), and the workflow runs a Lambda per step — validate, enrich, transform, publish,
/// record — so five task states and five invocations per run. It is priced from the same metered run: every write our
/// code made is applied again to the seed's items (which carry <c>runningJob</c>), with the seed's RUNNING update added
/// after each insert; each step's measured time becomes its own invocation; the native publish and record become
/// invocations lasting one measured DynamoDB round trip (our publish step, which runs against the in-process topic
/// locally, at least that long too).
/// </summary>
public static class SeedDesign
{
    public const string RunningUpdateExpression = "SET #status = :running, #running = :rid, #updated = :now, #version = #version + :one";

    /// <summary>The seed's stream-function write: status RUNNING and the running-index key, under the next version.</summary>
    public static TableWrite RunningUpdate(TableShape shape, IReadOnlyDictionary<string, AttributeValue> item) => new(
        WriteKind.Update,
        shape.TableName,
        shape.KeyAttributes.ToDictionary(name => name, name => item[name], StringComparer.Ordinal),
        UpdateExpression: RunningUpdateExpression,
        Names: new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["#status"] = ItemAttributes.Status,
            ["#running"] = ItemAttributes.RunningJob,
            ["#updated"] = ItemAttributes.UpdatedAt,
            ["#version"] = ItemAttributes.VersionId,
        },
        Values: new Dictionary<string, AttributeValue>(StringComparer.Ordinal)
        {
            [":running"] = new() { S = RemittanceStatus.Running.ToWire() },
            [":rid"] = new() { S = item[ItemAttributes.RequestId].S },
            [":now"] = item.GetValueOrDefault(ItemAttributes.UpdatedAt) ?? new AttributeValue { S = "0000-00-00T00:00:00.0000000Z" },
            [":one"] = new() { N = "1" },
        });

    public static UsageBuilder Model(CostMeasurement measurement, LambdaMemory memory, string? service)
    {
        var ledger = measurement.Ledger;
        var usage = new UsageBuilder(memory);
        var tables = measurement.Tables.ToDictionary(t => t.Value.TableName, t => (Service: t.Key, Shape: t.Value), StringComparer.Ordinal);
        bool Counts(CallSite? site) => !ledger.IsScheduled(site) && (service is null || site?.Service == service);

        // Reads and requests as ours; writes to the remittance tables are replayed on the seed's items below.
        var replay = new List<(long Sequence, ItemWrite Write)>();
        foreach (var call in ledger.DynamoDbCalls.Where(c => Counts(c.Site) && !c.IsControlPlane))
        {
            usage.AddRequest();
            usage.AddReadUnits(call.ReadUnits);
            foreach (var write in call.Writes)
            {
                if (tables.ContainsKey(write.Request.TableName))
                {
                    replay.Add((call.Sequence, write));
                }
                else
                {
                    usage.AddWrite(write);
                }
            }
        }

        foreach (var item in replay.GroupBy(r => (r.Write.Request.TableName, r.Write.Key)))
        {
            var shape = tables[item.Key.TableName].Shape;
            Dictionary<string, AttributeValue>? image = null;
            foreach (var (_, write) in item.OrderBy(r => r.Sequence))
            {
                (var charge, image) = WritePricing.Price(shape, image, write.Request, write.Applied);
                usage.AddWrite(charge);
                if (write.Request.Kind == WriteKind.Put && write.Applied && image?.GetValueOrDefault(ItemAttributes.Status)?.S == RemittanceStatus.Received.ToWire())
                {
                    (var running, image) = WritePricing.Price(shape, image, RunningUpdate(shape, image), applied: true);
                    usage.AddRequest();
                    usage.AddWrite(running);
                }
            }
        }

        // What the seed's publish and record Lambdas and its RUNNING update wait on: one AWS round trip, at its fastest here.
        var roundTrip = RoundTrip(ledger);
        foreach (var invocation in ledger.Invocations.Where(i => Counts(i.Site)))
        {
            switch (invocation.Site.Function)
            {
                case MeteredFunction.Workflow:
                    foreach (var step in invocation.Steps)
                    {
                        // Our publish step ran against the in-process topic; the seed's publish Lambda waits on SNS.
                        usage.AddLambda(MeteredFunction.Workflow, step.Step == WorkflowSteps.Publish && step.Duration < roundTrip ? roundTrip : step.Duration);
                    }

                    // One task state per step run instead of one for all of them.
                    usage.AddTransitions(invocation.Steps.Count - 1);
                    break;
                case MeteredFunction.Stream:
                    var waves = (invocation.Records + StartProcessor.DefaultConcurrency - 1) / StartProcessor.DefaultConcurrency;
                    usage.AddLambda(MeteredFunction.Stream, invocation.Duration + (roundTrip * waves));
                    break;
                default:
                    usage.AddLambda(invocation.Site.Function, invocation.Duration);
                    break;
            }
        }

        foreach (var transition in ledger.Transitions.Where(t => service is null || t.Run.Service == service))
        {
            usage.AddTransitions(1);
            if (transition.Kind is StateKind.Publish or StateKind.Record)
            {
                usage.AddLambda(MeteredFunction.Workflow, roundTrip);
            }
        }

        OurDesign.AddMessaging(usage, measurement, service);
        return usage;
    }

    /// <summary>
    /// One DynamoDB write round trip as measured in the run: the fastest successful PutItem or UpdateItem (1 ms if none),
    /// so that the local server's contention never inflates the seed's extra invocations.
    /// </summary>
    public static TimeSpan RoundTrip(CostLedger ledger)
    {
        var writes = ledger.DynamoDbCalls.Where(c => c.Operation is "UpdateItem" or "PutItem" && c.Succeeded).Select(c => c.Latency).ToList();
        return writes.Count == 0 ? TimeSpan.FromMilliseconds(1) : writes.Min();
    }
}
