using System.Text;
using System.Xml.Linq;
using Remittance.Aws.Runtime;
using Remittance.Aws.SimpleNotificationService;
using Remittance.Local.Http;

namespace Remittance.Local.Endpoints;

/// <summary>
/// A local HTTP stand-in of the SNS endpoint (query protocol, API version 2010-03-31) on 127.0.0.1, forwarding
/// <c>Action=Publish</c> (TopicArn, Message, Subject: all the client sends) to an in-process
/// <see cref="IAmazonSimpleNotificationService"/>, so a separate process (the Lambda binary, with REMITTANCE_SNS_ENDPOINT
/// set to <see cref="ServiceUrl"/>) can publish through the real client. A backend <see cref="AwsServiceException"/> is
/// answered as an SNS <c>ErrorResponse</c> with its code, status and request ID. Any other action or parameter is
/// refused rather than dropped. Signatures are not checked: it listens on loopback only.
/// </summary>
public sealed class LocalSnsEndpoint : IAsyncDisposable
{
    private const string ContentType = "text/xml";

    private static readonly XNamespace s_sns = "https://sns.amazonaws.com/doc/" + AmazonSimpleNotificationServiceClient.ApiVersion + "/";
    private static readonly HashSet<string> s_publishParameters = new(StringComparer.Ordinal) { "Action", "Version", "TopicArn", "Message", "Subject" };

    private readonly IAmazonSimpleNotificationService _backend;
    private readonly LocalHttpServer _server;

    private LocalSnsEndpoint(IAmazonSimpleNotificationService backend)
    {
        _backend = backend;
        _server = LocalHttpServer.Start(HandleAsync);
        ServiceUrl = $"http://127.0.0.1:{_server.EndPoint.Port}";
    }

    /// <summary>The value for the client's ServiceURL, such as http://127.0.0.1:40123 (a port the OS picked).</summary>
    public string ServiceUrl { get; }

    /// <summary>Starts listening before returning, so clients may call at once.</summary>
    public static LocalSnsEndpoint Start(IAmazonSimpleNotificationService backend)
    {
        ArgumentNullException.ThrowIfNull(backend);
        return new LocalSnsEndpoint(backend);
    }

    public ValueTask DisposeAsync() => _server.DisposeAsync();

    private async Task<LocalHttpResponse> HandleAsync(LocalHttpRequest request, CancellationToken cancellationToken)
    {
        if (request.Method != "POST" || request.Path != "/")
        {
            return Error(404, "InvalidAction", $"SNS answers POST / only, not {request.Method} {request.Path}.", null);
        }

        Dictionary<string, string> form;
        try
        {
            form = ParseForm(request.Body);
        }
        catch (Exception failure) when (failure is FormatException or DecoderFallbackException)
        {
            return Error(400, "MalformedQueryString", failure.Message, null);
        }

        var action = form.GetValueOrDefault("Action");
        if (action != "Publish")
        {
            return Error(400, "InvalidAction", $"The action '{action}' is not valid for this endpoint.", null);
        }

        if (form.Keys.FirstOrDefault(name => !s_publishParameters.Contains(name)) is { } unsupported)
        {
            return Error(400, "InvalidParameter", $"Invalid parameter: {unsupported} is not supported by the local endpoint.", null);
        }

        if (!form.TryGetValue("TopicArn", out var topicArn) || !form.TryGetValue("Message", out var message))
        {
            return Error(400, "InvalidParameter", "Invalid parameter: TopicArn and Message are required.", null);
        }

        try
        {
            var published = await _backend.PublishAsync(
                new PublishRequest { TopicArn = topicArn, Message = message, Subject = form.GetValueOrDefault("Subject") },
                cancellationToken).ConfigureAwait(false);
            var requestId = Guid.NewGuid().ToString();
            var result = new XElement(s_sns + "PublishResult");
            if (published.MessageId is { } messageId)
            {
                result.Add(new XElement(s_sns + "MessageId", messageId));
            }

            return Xml(200, new XElement(s_sns + "PublishResponse", result,
                new XElement(s_sns + "ResponseMetadata", new XElement(s_sns + "RequestId", requestId))), requestId);
        }
        catch (AwsServiceException failure)
        {
            // Only an error status makes the client read the body as an error; a backend's odd status must not pass as success.
            var status = (int)failure.StatusCode >= 400 ? (int)failure.StatusCode : 400;
            return Error(status, failure.ErrorCode, failure.Message, failure.RequestId);
        }
        catch (Exception failure) when (failure is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            return Error(500, "InternalError", $"{failure.GetType().Name}: {failure.Message}", null);
        }
    }

    /// <summary>An application/x-www-form-urlencoded body; a repeated name is an error rather than a silent choice.</summary>
    private static Dictionary<string, string> ParseForm(byte[] body)
    {
        var text = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true).GetString(body);
        var form = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var pair in text.Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var equals = pair.IndexOf('=', StringComparison.Ordinal);
            var name = Decode(equals < 0 ? pair : pair[..equals]);
            var value = equals < 0 ? string.Empty : Decode(pair[(equals + 1)..]);
            if (!form.TryAdd(name, value))
            {
                throw new FormatException($"The parameter '{name}' appears more than once.");
            }
        }

        return form;
    }

    private static string Decode(string encoded) => Uri.UnescapeDataString(encoded.Replace('+', ' '));

    /// <summary>An SNS ErrorResponse; without a code the client names the error after the status, as it would for AWS.</summary>
    private static LocalHttpResponse Error(int status, string? code, string message, string? requestId)
    {
        requestId ??= Guid.NewGuid().ToString();
        var error = new XElement(s_sns + "Error", new XElement(s_sns + "Type", status >= 500 ? "Receiver" : "Sender"));
        if (code is not null)
        {
            error.Add(new XElement(s_sns + "Code", code));
        }

        error.Add(new XElement(s_sns + "Message", message));
        return Xml(status, new XElement(s_sns + "ErrorResponse", error, new XElement(s_sns + "RequestId", requestId)), requestId);
    }

    private static LocalHttpResponse Xml(int status, XElement root, string requestId) =>
        new(status, ReasonPhrases.For(status), Encoding.UTF8.GetBytes(root.ToString(SaveOptions.DisableFormatting)), ContentType)
        {
            Headers = [new("x-amzn-RequestId", requestId)],
        };
}
