using Remittance.Cost.Metering;

namespace Remittance.Cost.MeteredRun;

/// <summary>What one metered run of the whole pipeline (both services) did, for <see cref="Remittances"/> remittances.</summary>
/// <param name="Tables">The remittance tables of the run by service name, with their shapes (the seed design is priced on them).</param>
/// <param name="Meter">The DynamoDB meter, holding every item as it last saw it.</param>
/// <param name="Sweeps">Sweep rounds (one sweep per service each) until nothing was left to re-drive.</param>
public sealed record CostMeasurement(
    CostScenario Scenario,
    int Remittances,
    CostLedger Ledger,
    IReadOnlyDictionary<string, TableShape> Tables,
    DynamoDbMeter Meter,
    int Sweeps);
