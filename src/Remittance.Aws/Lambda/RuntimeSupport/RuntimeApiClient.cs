using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;

namespace Remittance.Aws.Lambda.RuntimeSupport;

/// <summary>The calls a custom runtime makes to the Lambda Runtime API.</summary>
internal sealed class RuntimeApiClient(HttpClient http, Uri baseUri)
{
    // Lambda's own ceiling on an invocation is 15 minutes; a missing deadline header must not mean "never".
    private static readonly TimeSpan s_maximumInvocation = TimeSpan.FromMinutes(15);

    public static Uri BaseUriFor(string address)
    {
        var root = address.Contains("://", StringComparison.Ordinal) ? address : "http://" + address;
        return new Uri($"{root.TrimEnd('/')}/{RuntimeApiHeaders.ApiVersion}/runtime/");
    }

    public async Task<RuntimeInvocation> GetNextInvocationAsync(TimeProvider time, CancellationToken cancellationToken)
    {
        using var response = await http.GetAsync(new Uri(baseUri, "invocation/next"), HttpCompletionOption.ResponseContentRead, cancellationToken)
            .ConfigureAwait(false);
        if (response.StatusCode != HttpStatusCode.OK)
        {
            // Lambda answers /next with an error only when the environment is broken: the runtime must exit.
            throw new InvalidOperationException(
                $"The Runtime API answered /next with {(int)response.StatusCode} {response.ReasonPhrase}.");
        }

        var requestId = Header(response, RuntimeApiHeaders.RequestId)
                        ?? throw new InvalidOperationException($"The Runtime API sent an invocation without {RuntimeApiHeaders.RequestId}.");
        var deadline = long.TryParse(Header(response, RuntimeApiHeaders.DeadlineMs), NumberStyles.Integer, CultureInfo.InvariantCulture, out var ms)
            ? DateTimeOffset.FromUnixTimeMilliseconds(ms)
            : time.GetUtcNow() + s_maximumInvocation;
        var payload = await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
        return new RuntimeInvocation(
            requestId,
            deadline,
            Header(response, RuntimeApiHeaders.InvokedFunctionArn) ?? string.Empty,
            Header(response, RuntimeApiHeaders.TraceId),
            Header(response, RuntimeApiHeaders.ClientContext),
            Header(response, RuntimeApiHeaders.CognitoIdentity),
            payload);
    }

    public async Task<HttpStatusCode> SendResponseAsync(string requestId, Stream output, CancellationToken cancellationToken)
    {
        // A known length lets the Runtime API size-check the response up front instead of receiving it chunked.
        var body = output.CanSeek ? output : await BufferAsync(output, cancellationToken).ConfigureAwait(false);
        using var content = new StreamContent(body);
        using var response = await http.PostAsync(InvocationUri(requestId, "response"), content, cancellationToken).ConfigureAwait(false);
        return response.StatusCode;
    }

    public Task<HttpStatusCode> ReportInvocationErrorAsync(string requestId, Exception exception, CancellationToken cancellationToken) =>
        PostErrorAsync(InvocationUri(requestId, "error"), exception, cancellationToken);

    public Task<HttpStatusCode> ReportInitializationErrorAsync(Exception exception, CancellationToken cancellationToken) =>
        PostErrorAsync(new Uri(baseUri, "init/error"), exception, cancellationToken);

    private async Task<HttpStatusCode> PostErrorAsync(Uri uri, Exception exception, CancellationToken cancellationToken)
    {
        var error = LambdaErrorResponse.FromException(exception);
        using var content = new ByteArrayContent(JsonSerializer.SerializeToUtf8Bytes(error, RuntimeSupportJsonContext.Default.LambdaErrorResponse));
        content.Headers.ContentType = new MediaTypeHeaderValue(RuntimeApiHeaders.ErrorContentType);
        using var request = new HttpRequestMessage(HttpMethod.Post, uri) { Content = content };
        request.Headers.TryAddWithoutValidation(RuntimeApiHeaders.FunctionErrorType, error.ErrorType);
        using var response = await http.SendAsync(request, cancellationToken).ConfigureAwait(false);
        return response.StatusCode;
    }

    private Uri InvocationUri(string requestId, string action) =>
        new(baseUri, $"invocation/{Uri.EscapeDataString(requestId)}/{action}");

    private static async Task<Stream> BufferAsync(Stream output, CancellationToken cancellationToken)
    {
        var buffer = new MemoryStream();
        await output.CopyToAsync(buffer, cancellationToken).ConfigureAwait(false);
        buffer.Position = 0;
        return buffer;
    }

    private static string? Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) ? values.FirstOrDefault() : null;
}
