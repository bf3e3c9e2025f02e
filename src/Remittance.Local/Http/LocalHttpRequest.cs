namespace Remittance.Local.Http;

/// <summary>One HTTP/1.1 request as <see cref="LocalHttpServer"/> read it: the path without its query, headers by case-insensitive name.</summary>
public sealed record LocalHttpRequest(string Method, string Path, IReadOnlyDictionary<string, string> Headers, byte[] Body)
{
    public string? Header(string name) => Headers.TryGetValue(name, out var value) ? value : null;
}
