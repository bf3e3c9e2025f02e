namespace Remittance.Cost.Pricing;

/// <summary>Dollars by service line.</summary>
public sealed record CostBreakdown(
    decimal DynamoDbWrites,
    decimal DynamoDbReads,
    decimal StepFunctions,
    decimal LambdaRequests,
    decimal LambdaDuration,
    decimal Sqs,
    decimal Sns)
{
    public decimal Total => DynamoDbWrites + DynamoDbReads + StepFunctions + LambdaRequests + LambdaDuration + Sqs + Sns;

    public CostBreakdown Times(decimal factor) => new(
        DynamoDbWrites * factor, DynamoDbReads * factor, StepFunctions * factor, LambdaRequests * factor, LambdaDuration * factor,
        Sqs * factor, Sns * factor);
}
