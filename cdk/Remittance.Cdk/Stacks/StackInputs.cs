namespace Remittance.Cdk.Stacks;

/// <summary>Folders prepared before the stack is built and packaged as Lambda assets.</summary>
/// <param name="FunctionsDirectory">The published <c>bootstrap</c> every function runs.</param>
/// <param name="NotificationCatalogDirectory">The validated notification catalog, shipped as a layer.</param>
public sealed record StackInputs(string FunctionsDirectory, string NotificationCatalogDirectory);
