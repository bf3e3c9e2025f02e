namespace Remittance.Pipeline.Composition;

/// <summary>Configuration that cannot work, reported at start-up with every problem at once.</summary>
public sealed class OptionsException(IReadOnlyList<string> problems)
    : Exception("Invalid configuration: " + string.Join(" ", problems))
{
    public IReadOnlyList<string> Problems { get; } = problems;
}
