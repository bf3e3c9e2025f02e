using System.Globalization;
using System.Text;
using Remittance.Aws.Lambda.Core;
using Remittance.Aws.Lambda.RuntimeSupport;
using Remittance.Aws.Lambda.SQSEvents;
using Remittance.Aws.Lambda.Serialization;
using Remittance.Aws.Tests.Support;
using Remittance.Local.RuntimeApi;

namespace Remittance.Aws.Tests.Lambda;

[Collection(LambdaRuntimeCollection.Name)]
public sealed class LambdaBootstrapTests
{
    private static readonly TimeSpan s_bound = RuntimeHarness.Bound;

    [Fact]
    public async Task Bootstrap_WhenHandlerReturns_PostsResponse()
    {
        await using var harness = RuntimeHarness.Start(TextHandlers.From((text, _, _) => Task.FromResult(text.ToUpperInvariant())));

        var result = await harness.Api.InvokeAsync("""{"hello":"world"}""").WaitAsync(s_bound);

        Assert.Equal(LocalInvocationStatus.Succeeded, result.Status);
        Assert.Equal("""{"HELLO":"WORLD"}""", result.PayloadText);
        Assert.Null(result.ErrorType);
    }

    [Fact]
    public async Task Bootstrap_WhenHandlerThrows_PostsInvocationErrorWithTypeHeaderAndCarriesOn()
    {
        await using var harness = RuntimeHarness.Start(TextHandlers.From((text, _, _) =>
            text == "fail" ? throw new InvalidOperationException("The partner table is missing.") : Task.FromResult("ok")));

        var failed = await harness.Api.InvokeAsync("fail").WaitAsync(s_bound);
        var next = await harness.Api.InvokeAsync("fine").WaitAsync(s_bound);

        Assert.Equal(LocalInvocationStatus.Failed, failed.Status);
        Assert.Equal("InvalidOperationException", failed.ErrorType);
        Assert.Equal("InvalidOperationException", failed.Error!.ErrorType);
        Assert.Equal("The partner table is missing.", failed.Error.ErrorMessage);
        Assert.Contains(failed.Error.StackTrace, frame => frame.Contains(nameof(LambdaBootstrapTests), StringComparison.Ordinal));
        Assert.Contains("The partner table is missing.", harness.RuntimeLog.ToString(), StringComparison.Ordinal);
        Assert.Equal(LocalInvocationStatus.Succeeded, next.Status);
        Assert.Equal("ok", next.PayloadText);
    }

    [Fact]
    public async Task Bootstrap_BeforeDeadline_CancelsHandlerTokenAndStillPostsItsResponse()
    {
        await using var harness = RuntimeHarness.Start(
            TextHandlers.From(async (_, context, cancellationToken) =>
            {
                try
                {
                    await Task.Delay(Timeout.InfiniteTimeSpan, cancellationToken);
                    return "never";
                }
                catch (OperationCanceledException)
                {
                    // A partial batch response would be built here.
                    return context.RemainingTime.TotalMilliseconds.ToString("0", CultureInfo.InvariantCulture);
                }
            }),
            apiOptions: new LocalRuntimeApiOptions { Timeout = TimeSpan.FromSeconds(3) },
            safetyMargin: TimeSpan.FromSeconds(1));

        var result = await harness.Api.InvokeAsync("{}").WaitAsync(s_bound);

        Assert.Equal(LocalInvocationStatus.Succeeded, result.Status);
        var remainingMs = double.Parse(result.PayloadText, CultureInfo.InvariantCulture);
        Assert.InRange(remainingMs, 400, 1100);
    }

    [Fact]
    public async Task Bootstrap_WhenTraceHeaderSent_SetsTraceVariableForThatInvocationOnly()
    {
        const string trace = "Root=1-673f0c2a-5e4d3c2b1a0f9e8d7c6b5a49;Parent=53995c3f42cd8ad8;Sampled=1";
        await using var harness = RuntimeHarness.Start(TextHandlers.From((_, context, _) => Task.FromResult(
            $"{context.TraceId ?? "-"}|{Environment.GetEnvironmentVariable(RuntimeApiHeaders.TraceIdEnvironmentVariable) ?? "-"}")));

        var traced = await harness.Api.InvokeAsync("{}", new LocalInvocationOptions { TraceId = trace }).WaitAsync(s_bound);
        var untraced = await harness.Api.InvokeAsync("{}").WaitAsync(s_bound);

        Assert.Equal($"{trace}|{trace}", traced.PayloadText);
        Assert.Equal("-|-", untraced.PayloadText);
    }

    [Fact]
    public async Task Bootstrap_WhenInitializerThrows_PostsInitErrorAndEndsTheLoop()
    {
        await using var harness = RuntimeHarness.Create(
            TextHandlers.From((_, _, _) => Task.FromResult("unreachable")),
            initializer: _ => throw new InvalidDataException("REMITTANCE_TABLE_NAME is not set."));
        var pending = harness.Api.Enqueue("{}"u8.ToArray());

        harness.Run();
        var initError = await harness.Api.InitError.WaitAsync(s_bound);
        var invocation = await pending.Completion.WaitAsync(s_bound);

        Assert.Equal("InvalidDataException", initError.ErrorType);
        Assert.Equal("REMITTANCE_TABLE_NAME is not set.", initError.Error!.ErrorMessage);
        Assert.Equal(LocalInvocationStatus.InitFailed, invocation.Status);
        await Assert.ThrowsAsync<InvalidDataException>(() => harness.Loop.WaitAsync(s_bound));
    }

    [Fact]
    public async Task Bootstrap_WhenInitializerDeclines_EndsWithoutAskingForInvocations()
    {
        await using var harness = RuntimeHarness.Start(
            TextHandlers.From((_, _, _) => Task.FromResult("unreachable")),
            initializer: _ => Task.FromResult(false));

        await harness.Loop.WaitAsync(s_bound);

        Assert.False(harness.Api.FirstPoll.IsCompleted);
    }

    [Fact]
    public async Task Bootstrap_OverSeveralInvocations_GivesEachItsOwnContext()
    {
        var contexts = new List<ILambdaContext>();
        await using var harness = RuntimeHarness.Start(TextHandlers.From((text, context, _) =>
        {
            contexts.Add(context);
            return Task.FromResult($"{context.AwsRequestId}:{text}");
        }));

        var results = new List<LocalInvocationResult>();
        foreach (var (id, timeout) in new[] { ("req-1", 5), ("req-2", 9), ("req-3", 2) })
        {
            results.Add(await harness.Api.InvokeAsync(id.ToUpperInvariant(),
                new LocalInvocationOptions { RequestId = id, Timeout = TimeSpan.FromSeconds(timeout) }).WaitAsync(s_bound));
        }

        Assert.Equal(["req-1:REQ-1", "req-2:REQ-2", "req-3:REQ-3"], results.Select(r => r.PayloadText));
        Assert.Equal(["req-1", "req-2", "req-3"], contexts.Select(c => c.AwsRequestId));
        Assert.Equal(3, contexts.Distinct().Count());
        Assert.True(contexts[1].Deadline - contexts[0].Deadline > TimeSpan.FromSeconds(3), "each invocation has its own deadline");
        Assert.True(contexts[2].Deadline < contexts[1].Deadline, "a shorter timeout gives an earlier deadline");
    }

    [Fact]
    public async Task Bootstrap_Context_CarriesFunctionSettingsAndMobileMetadata()
    {
        ILambdaContext? seen = null;
        await using var harness = RuntimeHarness.Start(TextHandlers.From((_, context, _) =>
        {
            seen = context;
            context.Logger.LogLine("handled");
            return Task.FromResult("ok");
        }));

        await harness.Api.InvokeAsync("{}", new LocalInvocationOptions
        {
            RequestId = "8476a536-e9f4-11e8-9739-2dfe598c3fcd",
            InvokedFunctionArn = "arn:aws:lambda:us-east-1:123456789012:function:remittance-ingest:live",
            ClientContext = """{"client":{"app_title":"Remit","installation_id":"inst-1"},"custom":{"k":"v"},"env":{"platform":"ios"}}""",
            CognitoIdentity = """{"cognitoIdentityId":"us-east-1:abc","cognitoIdentityPoolId":"us-east-1:pool"}""",
        }).WaitAsync(s_bound);

        Assert.NotNull(seen);
        Assert.Equal("8476a536-e9f4-11e8-9739-2dfe598c3fcd", seen.AwsRequestId);
        Assert.Equal("arn:aws:lambda:us-east-1:123456789012:function:remittance-ingest:live", seen.InvokedFunctionArn);
        Assert.Equal("remittance-ingest", seen.FunctionName);
        Assert.Equal("7", seen.FunctionVersion);
        Assert.Equal(512, seen.MemoryLimitInMB);
        Assert.Equal("/aws/lambda/remittance-ingest", seen.LogGroupName);
        Assert.Equal("2026/11/21/[7]0123456789abcdef", seen.LogStreamName);
        Assert.Equal("Remit", seen.ClientContext!.Client!.AppTitle);
        Assert.Equal("inst-1", seen.ClientContext.Client.InstallationId);
        Assert.Equal("v", seen.ClientContext.Custom["k"]);
        Assert.Equal("ios", seen.ClientContext.Environment["platform"]);
        Assert.Equal("us-east-1:abc", seen.Identity!.IdentityId);
        Assert.Equal("us-east-1:pool", seen.Identity.IdentityPoolId);
        Assert.Contains("handled", harness.FunctionLog.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Bootstrap_WithTypedHandler_ReadsSqsEventAndWritesBatchResponse()
    {
        var handler = HandlerWrapper.GetHandlerWrapper(
            (SQSEvent sqsEvent, ILambdaContext _, CancellationToken _) => Task.FromResult(new SQSBatchResponse(
            [
                .. sqsEvent.Records
                    .Where(m => m.Attributes["ApproximateReceiveCount"] != "1")
                    .Select(m => new SQSBatchResponse.BatchItemFailure { ItemIdentifier = m.MessageId }),
            ])),
            AwsEventsJsonContext.Default.SQSEvent,
            AwsEventsJsonContext.Default.SQSBatchResponse);
        await using var harness = RuntimeHarness.Start(handler.Handler);

        var result = await harness.Api.InvokeAsync(Samples.Read("sqs-ingest-batch.json")).WaitAsync(s_bound);

        Assert.Equal("""{"batchItemFailures":[{"itemIdentifier":"d9c3f1e7-0a4b-4c8d-b6e2-5f7a9c1e3d03"}]}""", result.PayloadText);
    }

    [Fact]
    public async Task Bootstrap_InvokeOnce_HandlesExactlyOneInvocation()
    {
        await using var harness = RuntimeHarness.Create(TextHandlers.From((text, _, _) => Task.FromResult(text)));
        var first = harness.Api.Enqueue("1"u8.ToArray());
        var second = harness.Api.Enqueue("2"u8.ToArray());

        await harness.Bootstrap.InvokeOnceAsync().WaitAsync(s_bound);
        var firstResult = await first.Completion.WaitAsync(s_bound);
        var secondWasPending = !second.Completion.IsCompleted;
        await harness.Bootstrap.InvokeOnceAsync().WaitAsync(s_bound);

        Assert.Equal("1", firstResult.PayloadText);
        Assert.True(secondWasPending);
        Assert.Equal("2", (await second.Completion.WaitAsync(s_bound)).PayloadText);
    }

    [Fact]
    public async Task Bootstrap_WhenStopped_RunAsyncReturnsQuietly()
    {
        await using var harness = RuntimeHarness.Start(TextHandlers.From((text, _, _) => Task.FromResult(text)));
        await harness.Api.FirstPoll.WaitAsync(s_bound);

        await harness.StopAsync();
        await harness.Loop.WaitAsync(s_bound);

        Assert.True(harness.Loop.IsCompletedSuccessfully);
    }

    [Fact]
    public void Bootstrap_WithoutRuntimeApiAddress_SaysWhatToSet()
    {
        var failure = Assert.Throws<InvalidOperationException>(() => new LambdaBootstrap(
            TextHandlers.From((text, _, _) => Task.FromResult(text)),
            options: new LambdaBootstrapOptions { GetEnvironmentVariable = _ => null }));

        Assert.Contains(LambdaBootstrapOptions.RuntimeApiVariable, failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Bootstrap_WhenHandlerReturnsUnseekableStream_PostsItWhole()
    {
        var body = Encoding.UTF8.GetBytes(new string('x', 100_000));
        await using var harness = RuntimeHarness.Start((_, _) =>
            Task.FromResult(new InvocationResponse(new ForwardOnlyStream(new MemoryStream(body)))));

        var result = await harness.Api.InvokeAsync("{}").WaitAsync(s_bound);

        Assert.Equal(body, result.Payload);
    }

    private sealed class ForwardOnlyStream(Stream inner) : Stream
    {
        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position
        {
            get => throw new NotSupportedException();
            set => throw new NotSupportedException();
        }

        public override int Read(byte[] buffer, int offset, int count) => inner.Read(buffer, offset, count);

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                inner.Dispose();
            }

            base.Dispose(disposing);
        }
    }
}
