namespace Remittance.Local.Cost.Pricing;

/// <summary>
/// The prices a cost is computed with. Defaults: us-east-1 list prices (DynamoDB on-demand, Step Functions Standard,
/// Lambda x86, SQS standard, SNS standard topics), without free tiers or volume discounts.
/// </summary>
public sealed record UnitPrices
{
    /// <summary>DynamoDB on-demand, $ per million write request units (table and index writes alike).</summary>
    public decimal WriteRequestUnitsPerMillion { get; init; } = 0.625m;

    /// <summary>DynamoDB on-demand, $ per million read request units.</summary>
    public decimal ReadRequestUnitsPerMillion { get; init; } = 0.125m;

    /// <summary>Step Functions Standard, $ per million state transitions.</summary>
    public decimal StateTransitionsPerMillion { get; init; } = 25m;

    /// <summary>Lambda, $ per million requests.</summary>
    public decimal LambdaRequestsPerMillion { get; init; } = 0.20m;

    /// <summary>Lambda x86, $ per GB-second of billed duration.</summary>
    public decimal LambdaGbSecond { get; init; } = 0.0000166667m;

    /// <summary>SQS standard queues, $ per million requests (each started 64 KB of payload is a request).</summary>
    public decimal SqsRequestsPerMillion { get; init; } = 0.40m;

    /// <summary>SNS standard topics, $ per million publishes (each started 64 KB is a publish).</summary>
    public decimal SnsPublishesPerMillion { get; init; } = 0.50m;

    public static UnitPrices UsEast1 { get; } = new();
}
