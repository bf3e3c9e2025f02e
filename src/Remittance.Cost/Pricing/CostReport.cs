namespace Remittance.Cost.Pricing;

/// <summary>The result of <c>remittance cost</c>: both designs, both scenarios, the prices used and every assumption.</summary>
/// <param name="Input">What was run through the pipeline.</param>
/// <param name="Remittances">How many remittances the measured runs carried (each through both services).</param>
/// <param name="Volume">Remittances per month the monthly figures are for.</param>
/// <param name="HappyPathRatio">Ours ÷ seed, per remittance, happy path.</param>
/// <param name="OneRedriveRatio">Ours ÷ seed, per remittance, when each remittance's first enrichment run fails once.</param>
/// <param name="HappyPathRatioIfSeedNotificationValidates">
/// The happy-path ratio if the seed's notification workflow also ran a validate step in its own state, as its
/// enrichment workflow does (five states instead of four); the step is priced at our enrichment validate step's time.
/// </param>
/// <param name="Target">The ratio the design must stay at or below on the happy path.</param>
public sealed record CostReport(
    string Input,
    int Remittances,
    long Volume,
    UnitPrices Prices,
    LambdaMemory Memory,
    IReadOnlyList<DesignCost> Designs,
    ScheduleCost Schedule,
    decimal HappyPathRatio,
    decimal OneRedriveRatio,
    decimal HappyPathRatioIfSeedNotificationValidates,
    decimal Target,
    IReadOnlyList<string> Assumptions)
{
    public const string Ours = "ours";
    public const string Seed = "seed";
    public const string HappyPath = "happy path";
    public const string OneRedrive = "one redrive";

    public DesignCost Design(string design, string scenario) => Designs.Single(d => d.Design == design && d.Scenario == scenario);
}
