using Remittance.Aws.Lambda.RuntimeSupport;
using Remittance.Workflows.Composition;

// The Lambda custom runtime (provided.al2023). One binary serves every function: _HANDLER says which, the rest of the
// environment (set by the CDK app from FunctionEnvironment) says everything else. A missing or invalid setting is an
// init error naming it.
FunctionInstance? function = null;
using var bootstrap = new LambdaBootstrap(
    async (invocation, cancellationToken) => await function!.Handler.Handler(invocation, cancellationToken).ConfigureAwait(false),
    _ =>
    {
        function = FunctionHost.Create(Environment.GetEnvironmentVariable("_HANDLER"), Environment.GetEnvironmentVariable);
        return Task.FromResult(true);
    });
await bootstrap.RunAsync();
function?.Dispose();
