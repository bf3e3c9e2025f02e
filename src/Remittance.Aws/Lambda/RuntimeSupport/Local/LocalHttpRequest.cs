namespace Remittance.Aws.Lambda.RuntimeSupport.Local;

/// <summary>One HTTP/1.1 request as the local server read it.</summary>
internal sealed record LocalHttpRequest(string Method, string Path, IReadOnlyDictionary<string, string> Headers, byte[] Body)
{
    public string? Header(string name) => Headers.TryGetValue(name, out var value) ? value : null;
}
