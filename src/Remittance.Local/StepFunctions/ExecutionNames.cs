namespace Remittance.Local.StepFunctions;

/// <summary>Step Functions' own rule for execution names (broader than the subset our names use).</summary>
public static class ExecutionNames
{
    private const string Forbidden = " <>{}[]?*\"#%\\^|~`$&,;:/";

    public static bool IsAcceptedByStepFunctions(string name) =>
        name.Length is >= 1 and <= 80
        && !name.Any(c => char.IsWhiteSpace(c) || char.IsControl(c) || Forbidden.Contains(c, StringComparison.Ordinal));
}
