namespace Remittance.Cost.Pricing;

/// <summary>Billable operations, per remittance (one remittance through both services) or in total.</summary>
/// <param name="DynamoDbRequests">DynamoDB data requests (informational: on-demand bills units, not requests).</param>
/// <param name="WriteUnits">Write request units on tables.</param>
/// <param name="IndexWriteUnits">Write request units on global secondary indexes.</param>
/// <param name="IndexEntryChanges">Index entries added or removed (a key change counts twice: a delete and a put).</param>
/// <param name="ReadUnits">Read request units.</param>
/// <param name="StateTransitions">Step Functions Standard state transitions, retries included.</param>
/// <param name="LambdaInvocations">Lambda requests.</param>
/// <param name="LambdaGbSeconds">Billed duration (rounded up to 1 ms per invocation) × memory.</param>
/// <param name="SqsRequests">SQS requests, one per started 64 KB of each request's payload.</param>
/// <param name="SnsPublishes">SNS publishes, one per started 64 KB.</param>
/// <param name="StepFunctionsApiCalls">StartExecution, DescribeExecution, RedriveExecution (not billed for Standard).</param>
public sealed record Usage(
    decimal DynamoDbRequests,
    decimal WriteUnits,
    decimal IndexWriteUnits,
    decimal IndexEntryChanges,
    decimal ReadUnits,
    decimal StateTransitions,
    decimal LambdaInvocations,
    decimal LambdaGbSeconds,
    decimal SqsRequests,
    decimal SnsPublishes,
    decimal StepFunctionsApiCalls)
{
    public static Usage Zero { get; } = new(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0);

    public Usage Times(decimal factor) => new(
        DynamoDbRequests * factor, WriteUnits * factor, IndexWriteUnits * factor, IndexEntryChanges * factor, ReadUnits * factor,
        StateTransitions * factor, LambdaInvocations * factor, LambdaGbSeconds * factor, SqsRequests * factor, SnsPublishes * factor,
        StepFunctionsApiCalls * factor);

    /// <summary>Per remittance: every quantity divided (exactly, not by a rounded reciprocal) by <paramref name="remittances"/>.</summary>
    public Usage Per(int remittances) => new(
        DynamoDbRequests / remittances, WriteUnits / remittances, IndexWriteUnits / remittances, IndexEntryChanges / remittances,
        ReadUnits / remittances, StateTransitions / remittances, LambdaInvocations / remittances, LambdaGbSeconds / remittances,
        SqsRequests / remittances, SnsPublishes / remittances, StepFunctionsApiCalls / remittances);

    /// <summary>What this usage costs, in dollars, at <paramref name="prices"/>.</summary>
    public CostBreakdown Cost(UnitPrices prices) => new(
        DynamoDbWrites: (WriteUnits + IndexWriteUnits) * prices.WriteRequestUnitsPerMillion / 1_000_000m,
        DynamoDbReads: ReadUnits * prices.ReadRequestUnitsPerMillion / 1_000_000m,
        StepFunctions: StateTransitions * prices.StateTransitionsPerMillion / 1_000_000m,
        LambdaRequests: LambdaInvocations * prices.LambdaRequestsPerMillion / 1_000_000m,
        LambdaDuration: LambdaGbSeconds * prices.LambdaGbSecond,
        Sqs: SqsRequests * prices.SqsRequestsPerMillion / 1_000_000m,
        Sns: SnsPublishes * prices.SnsPublishesPerMillion / 1_000_000m);
}
