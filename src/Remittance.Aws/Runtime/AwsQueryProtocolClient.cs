using System.Text;
using System.Xml;
using System.Xml.Linq;
using Amazon.Runtime;

namespace Remittance.Aws.Runtime;

/// <summary>
/// The AWS query protocol (SNS): POST / with a form body <c>Action=…&amp;Version=…&amp;name=value…</c>, answered with XML
/// (<c>&lt;{Action}Response&gt;&lt;{Action}Result&gt;…</c>, errors as <c>&lt;ErrorResponse&gt;&lt;Error&gt;&lt;Code&gt;</c>).
/// Signing and retries: <see cref="AwsSignedTransport"/>.
/// </summary>
internal sealed class AwsQueryProtocolClient(AwsServiceDefinition service, string apiVersion, AwsClientConfig config, AWSCredentials? credentials) : IDisposable
{
    private const string ContentType = "application/x-www-form-urlencoded; charset=utf-8";

    private static readonly XmlReaderSettings s_xml = new() { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null };
    private static readonly IReadOnlyDictionary<string, string> s_noHeaders = new Dictionary<string, string>(StringComparer.Ordinal);

    private readonly AwsSignedTransport _transport = new(service, config, credentials);

    public Uri Endpoint => _transport.Endpoint;

    /// <summary>Calls <paramref name="action"/> with <paramref name="parameters"/> (null values left out) and reads its <c>{Action}Result</c>.</summary>
    public Task<TResponse> InvokeAsync<TResponse>(
        string action,
        IEnumerable<KeyValuePair<string, string?>> parameters,
        Func<XElement, TResponse> readResult,
        CancellationToken cancellationToken)
    {
        var call = new AwsCall(action, FormBody(action, apiVersion, parameters), ContentType, s_noHeaders);
        return _transport.SendAsync(call, content =>
        {
            var root = Parse(content) ?? throw new XmlException($"{action} answered with an empty body.");
            var result = root.Elements().FirstOrDefault(e => e.Name.LocalName == action + "Result")
                         ?? throw new XmlException($"{action} answered without a {action}Result element.");
            return readResult(result);
        }, MapError, cancellationToken);
    }

    public void Dispose() => _transport.Dispose();

    /// <summary>The form body: every name and value percent-encoded as RFC 3986 asks (spaces as %20, never '+').</summary>
    internal static byte[] FormBody(string action, string version, IEnumerable<KeyValuePair<string, string?>> parameters)
    {
        var form = new StringBuilder("Action=").Append(Uri.EscapeDataString(action)).Append("&Version=").Append(Uri.EscapeDataString(version));
        foreach (var (name, value) in parameters)
        {
            if (value is not null)
            {
                form.Append('&').Append(Uri.EscapeDataString(name)).Append('=').Append(Uri.EscapeDataString(value));
            }
        }

        return Encoding.UTF8.GetBytes(form.ToString());
    }

    /// <summary>The text of the child element named <paramref name="name"/> (any namespace), or null.</summary>
    internal static string? Child(XElement parent, string name) => parent.Elements().FirstOrDefault(e => e.Name.LocalName == name)?.Value;

    private static XElement? Parse(byte[] content)
    {
        if (content.Length == 0)
        {
            return null;
        }

        using var reader = XmlReader.Create(new MemoryStream(content), s_xml);
        return XDocument.Load(reader).Root;
    }

    private AwsServiceException MapError(HttpResponseMessage response, byte[] content)
    {
        string? code = null;
        string? message = null;
        string? requestId = null;
        try
        {
            if (Parse(content) is { } root)
            {
                var error = root.Name.LocalName == "Error" ? root : root.Elements().FirstOrDefault(e => e.Name.LocalName == "Error");
                code = error is null ? null : Child(error, "Code");
                message = error is null ? null : Child(error, "Message");
                requestId = Child(root, "RequestId");
            }
        }
        catch (XmlException)
        {
            // Not XML (a proxy or load balancer answered): the status code and raw text still say what happened.
            message = Encoding.UTF8.GetString(content);
        }

        return _transport.Failure(response, AwsSignedTransport.ErrorCode(code), message, requestId);
    }
}
