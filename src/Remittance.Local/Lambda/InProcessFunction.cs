using System.Diagnostics;
using Remittance.Aws.Lambda.RuntimeSupport;
using Remittance.Local.RuntimeApi;
using Remittance.Pipeline.Composition;
using Remittance.Workflows.Composition;

namespace Remittance.Local.Lambda;

/// <summary>
/// A function built in this process by <see cref="FunctionHost"/> from its handler and environment, exactly as the
/// binary builds itself, with only the edges (AWS clients, clock, log writer) replaced. An unhandled exception comes
/// back as Lambda reports it: a failed invocation whose error type is the exception's type name.
/// </summary>
public sealed class InProcessFunction : ILocalFunction
{
    private readonly FunctionInstance _instance;
    private readonly TimeSpan _timeout;
    private readonly TimeProvider _time;

    public InProcessFunction(string name, FunctionName function, IReadOnlyDictionary<string, string> environment, RemittanceEdges edges, TimeSpan timeout)
    {
        Name = name;
        _instance = FunctionHost.Create(function, environment, edges);
        _timeout = timeout;
        _time = edges.Time ?? TimeProvider.System;
    }

    public string Name { get; }

    public async Task<LocalInvocationResult> InvokeAsync(ReadOnlyMemory<byte> payload, CancellationToken cancellationToken)
    {
        var requestId = Guid.NewGuid().ToString();
        var clock = Stopwatch.StartNew();
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(_timeout);
        try
        {
            using var input = new MemoryStream(payload.ToArray(), writable: false);
            var response = await _instance.Handler.Handler(new InvocationRequest(input, new LocalLambdaContext(Name, _timeout, _time)), deadline.Token)
                .ConfigureAwait(false);
            using var output = new MemoryStream();
            if (response.OutputStream is { } stream)
            {
                await stream.CopyToAsync(output, CancellationToken.None).ConfigureAwait(false);
            }

            return new LocalInvocationResult(requestId, LocalInvocationStatus.Succeeded, output.ToArray(), null, null, clock.Elapsed);
        }
        catch (Exception failure) when (!cancellationToken.IsCancellationRequested)
        {
            var error = LambdaErrorResponse.FromException(failure);
            var body = error.ToUtf8Json();
            var status = deadline.IsCancellationRequested ? LocalInvocationStatus.TimedOut : LocalInvocationStatus.Failed;
            return new LocalInvocationResult(requestId, status, body, error.ErrorType, error, clock.Elapsed);
        }
    }

    public ValueTask DisposeAsync()
    {
        _instance.Dispose();
        return ValueTask.CompletedTask;
    }
}
