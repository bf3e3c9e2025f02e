namespace Remittance.Cost.Pricing;

/// <summary>The names AWS gives the architectures (Lambda's <c>Architectures</c> values), used on the command line, in JSON and in reports.</summary>
public static class LambdaArchitectureNames
{
    public const string X86_64 = "x86_64";

    public const string Arm64 = "arm64";

    public static IReadOnlyList<string> All { get; } = [X86_64, Arm64];

    public static string Of(LambdaArchitecture architecture) => architecture switch
    {
        LambdaArchitecture.X86_64 => X86_64,
        LambdaArchitecture.Arm64 => Arm64,
        _ => throw new ArgumentOutOfRangeException(nameof(architecture), architecture, null),
    };

    public static LambdaArchitecture Parse(string name) => name switch
    {
        X86_64 => LambdaArchitecture.X86_64,
        Arm64 => LambdaArchitecture.Arm64,
        _ => throw new FormatException($"'{name}' is not a Lambda architecture; use {string.Join(" or ", All)}."),
    };
}
