using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Remittance.Aws.Runtime;
using Remittance.Aws.StepFunctions;
using Remittance.Local.Http;

namespace Remittance.Local.Endpoints;

/// <summary>
/// A local HTTP stand-in of the Step Functions endpoint (AWS JSON 1.0, <c>X-Amz-Target: AWSStepFunctions.*</c>) on
/// 127.0.0.1, forwarding StartExecution, DescribeExecution and RedriveExecution to an in-process
/// <see cref="IAmazonStepFunctions"/>, so a separate process (the Lambda binary, with REMITTANCE_STEPFUNCTIONS_ENDPOINT
/// set to <see cref="ServiceUrl"/>) can use it through the real client. A backend <see cref="AwsServiceException"/> is
/// answered as Step Functions answers errors, so the client raises the same exception type with the same error code,
/// status and request ID. Signatures are not checked: it listens on loopback only.
/// </summary>
public sealed class LocalStepFunctionsEndpoint : IAsyncDisposable
{
    private const string TargetPrefix = "AWSStepFunctions.";
    private const string ContentType = "application/x-amz-json-1.0";

    private readonly IAmazonStepFunctions _backend;
    private readonly LocalHttpServer _server;

    private LocalStepFunctionsEndpoint(IAmazonStepFunctions backend)
    {
        _backend = backend;
        _server = LocalHttpServer.Start(HandleAsync);
        ServiceUrl = $"http://127.0.0.1:{_server.EndPoint.Port}";
    }

    /// <summary>The value for the client's ServiceURL, such as http://127.0.0.1:40123 (a port the OS picked).</summary>
    public string ServiceUrl { get; }

    /// <summary>Starts listening before returning, so clients may call at once.</summary>
    public static LocalStepFunctionsEndpoint Start(IAmazonStepFunctions backend)
    {
        ArgumentNullException.ThrowIfNull(backend);
        return new LocalStepFunctionsEndpoint(backend);
    }

    public ValueTask DisposeAsync() => _server.DisposeAsync();

    private async Task<LocalHttpResponse> HandleAsync(LocalHttpRequest request, CancellationToken cancellationToken)
    {
        if (request.Method != "POST" || request.Path != "/")
        {
            return Error(404, "UnknownOperationException", $"Step Functions answers POST / only, not {request.Method} {request.Path}.", null);
        }

        var target = request.Header("X-Amz-Target");
        var operation = target is not null && target.StartsWith(TargetPrefix, StringComparison.Ordinal) ? target[TargetPrefix.Length..] : null;
        var context = StepFunctionsJsonContext.Default;
        try
        {
            return operation switch
            {
                "StartExecution" => await InvokeAsync(request.Body, context.StartExecutionRequest, context.StartExecutionResponse,
                    _backend.StartExecutionAsync, cancellationToken).ConfigureAwait(false),
                "DescribeExecution" => await InvokeAsync(request.Body, context.DescribeExecutionRequest, context.DescribeExecutionResponse,
                    _backend.DescribeExecutionAsync, cancellationToken).ConfigureAwait(false),
                "RedriveExecution" => await InvokeAsync(request.Body, context.RedriveExecutionRequest, context.RedriveExecutionResponse,
                    _backend.RedriveExecutionAsync, cancellationToken).ConfigureAwait(false),
                _ => Error(400, "UnknownOperationException", $"Unknown operation '{target}'.", null),
            };
        }
        catch (AwsServiceException failure)
        {
            // Only an error status makes the client read the body as an error; a backend's odd status must not pass as success.
            var status = (int)failure.StatusCode >= 400 ? (int)failure.StatusCode : 400;
            return Error(status, failure.ErrorCode, failure.Message, failure.RequestId);
        }
        catch (JsonException failure)
        {
            return Error(400, "SerializationException", failure.Message, null);
        }
        catch (Exception failure) when (failure is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            return Error(500, "InternalFailure", $"{failure.GetType().Name}: {failure.Message}", null);
        }
    }

    private static async Task<LocalHttpResponse> InvokeAsync<TRequest, TResponse>(
        byte[] body,
        JsonTypeInfo<TRequest> requestInfo,
        JsonTypeInfo<TResponse> responseInfo,
        Func<TRequest, CancellationToken, Task<TResponse>> call,
        CancellationToken cancellationToken)
    {
        var input = JsonSerializer.Deserialize(body.Length == 0 ? "{}"u8 : body, requestInfo)
                    ?? throw new JsonException("The request body is null.");
        var output = await call(input, cancellationToken).ConfigureAwait(false);
        return Json(200, JsonSerializer.SerializeToUtf8Bytes(output, responseInfo), null);
    }

    /// <summary>An AWS JSON error body; without a code the client names the error after the status, as it would for AWS.</summary>
    private static LocalHttpResponse Error(int status, string? code, string message, string? requestId)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            if (code is not null)
            {
                writer.WriteString("__type", code);
            }

            writer.WriteString("message", message);
            writer.WriteEndObject();
        }

        return Json(status, buffer.ToArray(), requestId);
    }

    private static LocalHttpResponse Json(int status, byte[] body, string? requestId) =>
        new(status, ReasonPhrases.For(status), body, ContentType)
        {
            Headers = [new("x-amzn-RequestId", requestId ?? Guid.NewGuid().ToString())],
        };
}
