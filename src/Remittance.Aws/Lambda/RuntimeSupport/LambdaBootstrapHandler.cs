namespace Remittance.Aws.Lambda.RuntimeSupport;

/// <summary>
/// Handles one invocation. The token is cancelled a safety margin before the deadline, so the handler can stop
/// starting work and still return (for instance a partial batch response) before Lambda stops it.
/// </summary>
public delegate Task<InvocationResponse> LambdaBootstrapHandler(InvocationRequest invocation, CancellationToken cancellationToken);
