using Remittance.Aws.Lambda.RuntimeSupport;
using Remittance.Pipeline.Composition;
using Remittance.Pipeline.Functions;
using Remittance.Workflows.Composition;

// The Lambda custom runtime (provided.al2023). One binary serves every function; the function's handler setting
// (_HANDLER) says which. Configuration problems surface as an init error naming what to set.
var handlerSetting = Environment.GetEnvironmentVariable("_HANDLER");
RemittanceServices? services = null;
HandlerWrapper? handler = null;
using var bootstrap = new LambdaBootstrap(
    async (invocation, cancellationToken) => await handler!.Handler(invocation, cancellationToken).ConfigureAwait(false),
    _ =>
    {
        if (!FunctionHandlers.TryParse(handlerSetting, out var function))
        {
            throw new InvalidOperationException(
                $"Unknown handler '{handlerSetting}': set the function's handler to one of {string.Join(", ", Enum.GetNames<FunctionName>())}.");
        }

        services = RemittanceServices.Create(RemittanceOptions.FromEnvironment(Environment.GetEnvironmentVariable), function);
        handler = AllFunctions.Create(function, services);
        return Task.FromResult(true);
    });
await bootstrap.RunAsync();
services?.Dispose();
