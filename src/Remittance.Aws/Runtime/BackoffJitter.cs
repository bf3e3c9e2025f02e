namespace Remittance.Aws.Runtime;

public enum BackoffJitter
{
    /// <summary>Anywhere from zero to the ceiling (the AWS SDKs' standard retry mode).</summary>
    Full,

    /// <summary>Half the ceiling fixed, so a retry always waits, and the other half random.</summary>
    Half,
}
