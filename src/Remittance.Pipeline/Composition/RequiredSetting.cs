namespace Remittance.Pipeline.Composition;

/// <summary>A setting (environment variable) one function of a service needs, and what for.</summary>
/// <param name="Function">The function that reads it.</param>
/// <param name="Variable">The environment variable, one of <see cref="RemittanceOptions"/>' names.</param>
/// <param name="Purpose">Why it is needed, finishing the sentence "… is not set: …".</param>
public sealed record RequiredSetting(FunctionName Function, string Variable, string Purpose);
