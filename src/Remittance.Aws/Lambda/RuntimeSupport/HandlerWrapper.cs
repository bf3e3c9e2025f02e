using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Remittance.Aws.Lambda.Core;

namespace Remittance.Aws.Lambda.RuntimeSupport;

/// <summary>
/// Adapts ordinary handler shapes to a <see cref="LambdaBootstrapHandler"/>, as the official HandlerWrapper does.
/// Typed handlers take source-generated <see cref="JsonTypeInfo{T}"/>s so nothing is serialized by reflection.
/// </summary>
public sealed class HandlerWrapper
{
    private HandlerWrapper(LambdaBootstrapHandler handler) => Handler = handler;

    public LambdaBootstrapHandler Handler { get; }

    public static HandlerWrapper GetHandlerWrapper(LambdaBootstrapHandler handler) => new(handler);

    public static HandlerWrapper GetHandlerWrapper(Func<Stream, ILambdaContext, CancellationToken, Task<Stream>> handler) =>
        new(async (invocation, cancellationToken) =>
            new InvocationResponse(await handler(invocation.InputStream, invocation.LambdaContext, cancellationToken).ConfigureAwait(false)));

    public static HandlerWrapper GetHandlerWrapper(Func<Stream, ILambdaContext, CancellationToken, Task<byte[]>> handler) =>
        new(async (invocation, cancellationToken) =>
            new InvocationResponse(new MemoryStream(await handler(invocation.InputStream, invocation.LambdaContext, cancellationToken).ConfigureAwait(false))));

    public static HandlerWrapper GetHandlerWrapper<TInput, TOutput>(
        Func<TInput, ILambdaContext, CancellationToken, Task<TOutput>> handler,
        JsonTypeInfo<TInput> inputTypeInfo,
        JsonTypeInfo<TOutput> outputTypeInfo) =>
        new(async (invocation, cancellationToken) =>
        {
            var input = Deserialize(invocation.InputStream, inputTypeInfo);
            var output = await handler(input, invocation.LambdaContext, cancellationToken).ConfigureAwait(false);
            // Once the handler has produced its (possibly partial) result it must be sent, so nothing here is cancellable.
            var stream = new MemoryStream();
            JsonSerializer.Serialize(stream, output, outputTypeInfo);
            stream.Position = 0;
            return new InvocationResponse(stream);
        });

    public static HandlerWrapper GetHandlerWrapper<TInput>(
        Func<TInput, ILambdaContext, CancellationToken, Task> handler,
        JsonTypeInfo<TInput> inputTypeInfo) =>
        new(async (invocation, cancellationToken) =>
        {
            var input = Deserialize(invocation.InputStream, inputTypeInfo);
            await handler(input, invocation.LambdaContext, cancellationToken).ConfigureAwait(false);
            return InvocationResponse.Empty();
        });

    /// <remarks>
    /// Synchronous on purpose: the runtime client has already read the whole payload into memory, and JSON's async stream
    /// path (System.IO.Pipelines and its generic instantiations over our types) costs cold-start time for no benefit
    /// (measured in docs/PERFORMANCE.md, cold start).
    /// </remarks>
    private static TInput Deserialize<TInput>(Stream payload, JsonTypeInfo<TInput> typeInfo) =>
        JsonSerializer.Deserialize(payload, typeInfo)
        ?? throw new JsonException($"The event payload was null; expected {typeof(TInput).Name}.");
}
