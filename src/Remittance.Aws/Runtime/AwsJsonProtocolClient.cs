using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Amazon.Runtime;

namespace Remittance.Aws.Runtime;

/// <summary>
/// The AWS JSON 1.0 protocol (Step Functions, DynamoDB Streams): POST / with X-Amz-Target and a JSON body; errors are
/// JSON with a <c>__type</c>. Signing and retries: <see cref="AwsSignedTransport"/>. Public, as AWSSDK.Core's service
/// client base is, so that a client outside this assembly builds on it: the local DynamoDB Streams client in
/// Remittance.Local, which the Lambda binary does not need.
/// </summary>
public sealed class AwsJsonProtocolClient(AwsServiceDefinition service, AwsClientConfig config, AWSCredentials? credentials) : IDisposable
{
    private const string ContentType = "application/x-amz-json-1.0";
    private const string TargetHeader = "X-Amz-Target";

    private readonly AwsSignedTransport _transport = new(service, config, credentials);

    public Uri Endpoint => _transport.Endpoint;

    public Task<TResponse> InvokeAsync<TRequest, TResponse>(
        string operation,
        TRequest request,
        JsonTypeInfo<TRequest> requestInfo,
        JsonTypeInfo<TResponse> responseInfo,
        CancellationToken cancellationToken)
    {
        var target = $"{_transport.Service.TargetPrefix}.{operation}";
        var call = new AwsCall(target, JsonSerializer.SerializeToUtf8Bytes(request, requestInfo), ContentType,
            new Dictionary<string, string>(StringComparer.Ordinal) { [TargetHeader] = target });
        return _transport.SendAsync(call,
            content => JsonSerializer.Deserialize(content.Length == 0 ? "{}"u8 : content, responseInfo)
                       ?? throw new JsonException($"{target} answered with a null body."),
            MapError, cancellationToken);
    }

    public void Dispose() => _transport.Dispose();

    /// <summary>"com.amazonaws.states#ExecutionAlreadyExists" or "ExecutionAlreadyExists:http://…" → "ExecutionAlreadyExists".</summary>
    internal static string? ErrorCode(string? type) => AwsSignedTransport.ErrorCode(type);

    private AwsServiceException MapError(HttpResponseMessage response, byte[] content)
    {
        string? type = null;
        string? message = null;
        if (content.Length > 0)
        {
            try
            {
                var error = JsonSerializer.Deserialize(content, AwsRuntimeJsonContext.Default.AwsErrorResponse);
                type = error?.Type;
                message = error?.LowerMessage ?? error?.UpperMessage;
            }
            catch (JsonException)
            {
                // Not JSON (a proxy or load balancer answered): the status code and raw text still say what happened.
                message = System.Text.Encoding.UTF8.GetString(content);
            }
        }

        type ??= response.Headers.TryGetValues("x-amzn-ErrorType", out var headerTypes) ? headerTypes.FirstOrDefault() : null;
        return _transport.Failure(response, ErrorCode(type), message, requestId: null);
    }
}
