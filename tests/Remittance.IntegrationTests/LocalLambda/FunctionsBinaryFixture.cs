using Remittance.Local.Lambda;
using Xunit.Abstractions;
using Xunit.Sdk;

namespace Remittance.IntegrationTests.LocalLambda;

/// <summary>The published function binary, located (and published first if missing or stale) once per test class.</summary>
public sealed class FunctionsBinaryFixture(IMessageSink diagnostics) : IAsyncLifetime
{
    private string? _bootstrapPath;

    public string BootstrapPath => _bootstrapPath ?? throw new InvalidOperationException("The fixture is used before InitializeAsync.");

    public async Task InitializeAsync() =>
        _bootstrapPath = await FunctionsBinary.LocateAsync(notice: message => diagnostics.OnMessage(new DiagnosticMessage(message)));

    public Task DisposeAsync() => Task.CompletedTask;
}
