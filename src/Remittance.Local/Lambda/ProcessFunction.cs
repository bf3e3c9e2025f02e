using Remittance.Local.RuntimeApi;

namespace Remittance.Local.Lambda;

/// <summary>A function run as the published binary: its instances are processes of a <see cref="FunctionProcessPool"/>.</summary>
public sealed class ProcessFunction(string name, FunctionProcessPool pool) : ILocalFunction
{
    public string Name => name;

    public FunctionProcessPool Pool => pool;

    public Task<LocalInvocationResult> InvokeAsync(ReadOnlyMemory<byte> payload, CancellationToken cancellationToken) => pool.InvokeAsync(payload, cancellationToken);

    public ValueTask DisposeAsync() => pool.DisposeAsync();
}
