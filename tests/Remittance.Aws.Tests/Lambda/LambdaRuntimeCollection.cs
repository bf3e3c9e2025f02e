namespace Remittance.Aws.Tests.Lambda;

/// <summary>
/// Bootstraps set the process-wide _X_AMZN_TRACE_ID on every invocation, so the classes that run them take turns.
/// </summary>
[CollectionDefinition(Name)]
public sealed class LambdaRuntimeCollection
{
    public const string Name = "Lambda runtime";
}
