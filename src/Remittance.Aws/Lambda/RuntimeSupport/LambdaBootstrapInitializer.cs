namespace Remittance.Aws.Lambda.RuntimeSupport;

/// <summary>
/// Runs once before the first invocation (the init phase). Returning false ends the bootstrap without invoking;
/// throwing reports the exception to the Runtime API as an initialisation error.
/// </summary>
public delegate Task<bool> LambdaBootstrapInitializer(CancellationToken cancellationToken);
