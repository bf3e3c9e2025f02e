namespace Remittance.Cost.Pricing;

/// <summary>
/// The prices a cost is computed with. Defaults: us-east-1 list prices (DynamoDB on-demand, Step Functions Standard,
/// Lambda x86_64 or arm64, SQS standard, SNS standard topics), without free tiers or volume discounts.
/// </summary>
public sealed record UnitPrices
{
    /// <summary>The architecture the Lambda prices are for (the GB-second price differs; requests cost the same).</summary>
    public LambdaArchitecture LambdaArchitecture { get; init; } = LambdaArchitecture.X86_64;

    /// <summary>DynamoDB on-demand, $ per million write request units (table and index writes alike).</summary>
    public decimal WriteRequestUnitsPerMillion { get; init; } = 0.625m;

    /// <summary>DynamoDB on-demand, $ per million read request units.</summary>
    public decimal ReadRequestUnitsPerMillion { get; init; } = 0.125m;

    /// <summary>Step Functions Standard, $ per million state transitions.</summary>
    public decimal StateTransitionsPerMillion { get; init; } = 25m;

    /// <summary>Lambda, $ per million requests.</summary>
    public decimal LambdaRequestsPerMillion { get; init; } = 0.20m;

    /// <summary>Lambda, $ per GB-second of billed duration, for <see cref="LambdaArchitecture"/>.</summary>
    public decimal LambdaGbSecond { get; init; } = LambdaGbSecondListPrice(LambdaArchitecture.X86_64);

    /// <summary>SQS standard queues, $ per million requests (each started 64 KB of payload is a request).</summary>
    public decimal SqsRequestsPerMillion { get; init; } = 0.40m;

    /// <summary>SNS standard topics, $ per million publishes (each started 64 KB is a publish).</summary>
    public decimal SnsPublishesPerMillion { get; init; } = 0.50m;

    public static UnitPrices UsEast1 { get; } = new();

    /// <summary>us-east-1 list prices with Lambda on <paramref name="architecture"/>.</summary>
    public static UnitPrices UsEast1For(LambdaArchitecture architecture) =>
        new() { LambdaArchitecture = architecture, LambdaGbSecond = LambdaGbSecondListPrice(architecture) };

    /// <summary>us-east-1 list price of a GB-second (first tier): x86_64 $0.0000166667, arm64 $0.0000133334.</summary>
    public static decimal LambdaGbSecondListPrice(LambdaArchitecture architecture) => architecture switch
    {
        LambdaArchitecture.X86_64 => 0.0000166667m,
        LambdaArchitecture.Arm64 => 0.0000133334m,
        _ => throw new ArgumentOutOfRangeException(nameof(architecture), architecture, null),
    };
}
