using Remittance.Cost.MeteredRun;
using Remittance.Cost.Metering;

namespace Remittance.Cost.Pricing;

/// <summary>What this design cost in a metered run: exactly what the ledger recorded.</summary>
public static class OurDesign
{
    /// <param name="service">One service's share, or null for both.</param>
    /// <param name="scheduled">True: only the schedule's sweeps (those that found nothing); false: everything else.</param>
    public static UsageBuilder Measure(CostMeasurement measurement, LambdaMemory memory, string? service, bool scheduled = false)
    {
        var ledger = measurement.Ledger;
        var usage = new UsageBuilder(memory);
        bool Counts(CallSite? site) => ledger.IsScheduled(site) == scheduled && (service is null || site?.Service == service);
        foreach (var call in ledger.DynamoDbCalls.Where(c => Counts(c.Site)))
        {
            usage.AddDynamoDb(call);
        }

        foreach (var invocation in ledger.Invocations.Where(i => Counts(i.Site)))
        {
            usage.AddLambda(invocation.Site.Function, invocation.Duration);
        }

        if (!scheduled)
        {
            AddMessaging(usage, measurement, service);
            usage.AddTransitions(ledger.Transitions.Count(t => service is null || t.Run.Service == service));
        }

        return usage;
    }

    /// <summary>SQS, SNS and Step Functions API calls, which both designs make alike.</summary>
    internal static void AddMessaging(UsageBuilder usage, CostMeasurement measurement, string? service)
    {
        var ledger = measurement.Ledger;
        foreach (var request in ledger.QueueRequests.Where(r => service is null || r.Service == service))
        {
            usage.AddQueueRequest(request);
        }

        foreach (var publication in ledger.Publications.Where(p => service is null || p.Service == service))
        {
            usage.AddPublication(publication);
        }

        usage.AddStepFunctionsCalls(ledger.StepFunctionsCalls.Where(c => service is null || c.Key.StartsWith(service + ":", StringComparison.Ordinal))
            .Sum(c => c.Value));
    }
}
