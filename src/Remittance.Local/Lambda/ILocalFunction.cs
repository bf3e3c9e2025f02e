using Remittance.Local.RuntimeApi;

namespace Remittance.Local.Lambda;

/// <summary>
/// One deployed function as the local host invokes it: a JSON event in, the function's response or error out, as
/// the Lambda service would return them. In process (the function built by the composition root the binary uses)
/// or as the real binary (a warm process per instance, fed through the Runtime API).
/// </summary>
public interface ILocalFunction : IAsyncDisposable
{
    /// <summary>e.g. <c>enrichment-ingest</c>.</summary>
    string Name { get; }

    Task<LocalInvocationResult> InvokeAsync(ReadOnlyMemory<byte> payload, CancellationToken cancellationToken);
}
