namespace Remittance.Local.Http;

/// <summary>
/// A response for <see cref="LocalHttpServer"/> to write back, with Content-Type, Content-Length and any extra
/// <see cref="Headers"/>. <see cref="OnSendFailed"/> lets a long poll hand its invocation back when the runtime went
/// away between taking it and receiving it.
/// </summary>
public sealed record LocalHttpResponse(int StatusCode, string ReasonPhrase, byte[] Body, string ContentType = "application/json")
{
    public IReadOnlyList<KeyValuePair<string, string>> Headers { get; init; } = [];

    public Action? OnSendFailed { get; init; }
}
