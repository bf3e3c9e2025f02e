namespace Remittance.Bench.ColdStart;

/// <summary>
/// The publish the function shipped with before Native AOT (commit fdc2a25, src/Remittance.Functions.csproj):
/// self-contained, fully trimmed, one composite ReadyToRun image of our code and the framework precompiled for
/// x86-64-v3, tiered compilation with PGO. Passed as global properties over any project (function, hello, probe), so the
/// R2R baseline is built from today's code in the same run as the AOT build it is compared with.
/// </summary>
public static class CompositeReadyToRun
{
    public static readonly IReadOnlyDictionary<string, string> Properties = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["PublishAot"] = "false",
        ["SelfContained"] = "true",
        ["PublishTrimmed"] = "true",
        ["TrimMode"] = "full",
        ["PublishReadyToRun"] = "true",
        ["PublishReadyToRunComposite"] = "true",
        ["PublishReadyToRunCrossgen2ExtraArgs"] = "--instruction-set:x86-64-v3",
        ["TieredCompilation"] = "true",
        ["TieredPGO"] = "true",
        // The Native AOT settings the projects carry today, unset: the old project file had none.
        ["IlcInstructionSet"] = string.Empty,
        ["StripSymbols"] = "false",
    };
}
