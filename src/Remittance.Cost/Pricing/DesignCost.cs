namespace Remittance.Cost.Pricing;

/// <summary>One design in one scenario: operations and dollars per remittance, per million, and per month at the volume.</summary>
/// <param name="PerMonth">At the report's monthly volume, without the schedule's fixed cost (<see cref="CostReport.Schedule"/>).</param>
public sealed record DesignCost(
    string Design,
    string Scenario,
    Usage PerRemittance,
    CostBreakdown PerMillion,
    decimal PerMonth,
    IReadOnlyList<LambdaUse> Lambda,
    IReadOnlyDictionary<string, Usage> PerServicePerRemittance,
    IReadOnlyDictionary<string, CostBreakdown> PerServicePerMillion);
