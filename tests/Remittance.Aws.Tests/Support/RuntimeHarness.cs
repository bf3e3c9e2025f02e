using Remittance.Aws.Lambda.RuntimeSupport;
using Remittance.Local.RuntimeApi;

namespace Remittance.Aws.Tests.Support;

/// <summary>A real <see cref="LambdaBootstrap"/> polling a real <see cref="LocalRuntimeApi"/>, as in `local invoke`.</summary>
internal sealed class RuntimeHarness : IAsyncDisposable
{
    public static readonly TimeSpan Bound = TimeSpan.FromSeconds(15);

    public static readonly IReadOnlyDictionary<string, string> FunctionEnvironment = new Dictionary<string, string>
    {
        ["AWS_LAMBDA_FUNCTION_NAME"] = "remittance-ingest",
        ["AWS_LAMBDA_FUNCTION_VERSION"] = "7",
        ["AWS_LAMBDA_FUNCTION_MEMORY_SIZE"] = "512",
        ["AWS_LAMBDA_LOG_GROUP_NAME"] = "/aws/lambda/remittance-ingest",
        ["AWS_LAMBDA_LOG_STREAM_NAME"] = "2026/11/21/[7]0123456789abcdef",
    };

    private readonly CancellationTokenSource _stop = new();

    private RuntimeHarness(LambdaBootstrapHandler handler, LambdaBootstrapInitializer? initializer, LocalRuntimeApiOptions? apiOptions, TimeSpan? safetyMargin)
    {
        Api = LocalRuntimeApi.Start(apiOptions);
        var options = new LambdaBootstrapOptions
        {
            RuntimeApiAddress = Api.Address,
            GetEnvironmentVariable = name => FunctionEnvironment.GetValueOrDefault(name),
            FunctionLog = FunctionLog,
            RuntimeLog = RuntimeLog,
        };
        Bootstrap = new LambdaBootstrap(handler, initializer, safetyMargin is { } margin ? options with { CancellationSafetyMargin = margin } : options);
    }

    public LocalRuntimeApi Api { get; }

    public LambdaBootstrap Bootstrap { get; }

    public StringWriter FunctionLog { get; } = new();

    public StringWriter RuntimeLog { get; } = new();

    /// <summary>The RunAsync loop, once <see cref="Run"/> started it.</summary>
    public Task Loop { get; private set; } = Task.CompletedTask;

    public static RuntimeHarness Create(
        LambdaBootstrapHandler handler,
        LambdaBootstrapInitializer? initializer = null,
        LocalRuntimeApiOptions? apiOptions = null,
        TimeSpan? safetyMargin = null) => new(handler, initializer, apiOptions, safetyMargin);

    public static RuntimeHarness Start(
        LambdaBootstrapHandler handler,
        LambdaBootstrapInitializer? initializer = null,
        LocalRuntimeApiOptions? apiOptions = null,
        TimeSpan? safetyMargin = null) => Create(handler, initializer, apiOptions, safetyMargin).Run();

    public RuntimeHarness Run()
    {
        Loop = Task.Run(() => Bootstrap.RunAsync(_stop.Token));
        return this;
    }

    public Task StopAsync() => _stop.CancelAsync();

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        // Tests that expect the loop to fail await it themselves; here only its end matters, within a bound.
        await Task.WhenAny(Loop, Task.Delay(Bound));
        Bootstrap.Dispose();
        await Api.DisposeAsync();
        _stop.Dispose();
    }
}
