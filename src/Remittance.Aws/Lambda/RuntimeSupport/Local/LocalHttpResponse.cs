namespace Remittance.Aws.Lambda.RuntimeSupport.Local;

/// <summary>
/// A response to write back. <see cref="OnSendFailed"/> lets a long poll hand its invocation back when the runtime
/// went away between taking it and receiving it.
/// </summary>
internal sealed record LocalHttpResponse(int StatusCode, string ReasonPhrase, byte[] Body, string ContentType = "application/json")
{
    public IReadOnlyList<KeyValuePair<string, string>> Headers { get; init; } = [];

    public Action? OnSendFailed { get; init; }
}
