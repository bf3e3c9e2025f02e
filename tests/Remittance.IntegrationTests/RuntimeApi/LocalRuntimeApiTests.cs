using System.Globalization;
using System.Net;
using System.Text;
using Remittance.Aws.Lambda.RuntimeSupport;
using Remittance.Local.RuntimeApi;

namespace Remittance.IntegrationTests.RuntimeApi;

/// <summary>The local Runtime API driven by a plain HttpClient playing the runtime, as a bootstrap would poll it.</summary>
public sealed class LocalRuntimeApiTests
{
    private static readonly TimeSpan s_bound = TimeSpan.FromSeconds(15);

    [Fact]
    public async Task LocalRuntimeApi_Address_IsLoopbackWithAPortTheSystemPicked()
    {
        await using var first = LocalRuntimeApi.Start();
        await using var second = LocalRuntimeApi.Start();

        Assert.StartsWith("127.0.0.1:", first.Address, StringComparison.Ordinal);
        Assert.NotEqual(first.Address, second.Address);
    }

    [Fact]
    public async Task LocalRuntimeApi_NextInvocation_CarriesPayloadDeadlineAndHeaders()
    {
        await using var api = LocalRuntimeApi.Start(new LocalRuntimeApiOptions { Timeout = TimeSpan.FromSeconds(10) });
        using var runtime = RuntimeClient(api);
        api.Enqueue("""{"a":1}"""u8.ToArray(), new LocalInvocationOptions { RequestId = "req-7", TraceId = "Root=1-abc" });

        var before = DateTimeOffset.UtcNow;
        using var next = await runtime.GetAsync("invocation/next").WaitAsync(s_bound);

        Assert.Equal(HttpStatusCode.OK, next.StatusCode);
        Assert.Equal("""{"a":1}""", await next.Content.ReadAsStringAsync());
        Assert.Equal("req-7", Header(next, RuntimeApiHeaders.RequestId));
        Assert.Equal("Root=1-abc", Header(next, RuntimeApiHeaders.TraceId));
        Assert.Equal("arn:aws:lambda:us-east-1:123456789012:function:local", Header(next, RuntimeApiHeaders.InvokedFunctionArn));
        var deadline = DateTimeOffset.FromUnixTimeMilliseconds(long.Parse(Header(next, RuntimeApiHeaders.DeadlineMs)!, CultureInfo.InvariantCulture));
        Assert.InRange(deadline - before, TimeSpan.FromSeconds(9), TimeSpan.FromSeconds(11));
        Assert.False(next.Headers.Contains(RuntimeApiHeaders.ClientContext));
    }

    [Fact]
    public async Task LocalRuntimeApi_WhenNoRuntimeAsks_FailsTheInvocationAfterThePickupTimeout()
    {
        await using var api = LocalRuntimeApi.Start(new LocalRuntimeApiOptions { PickupTimeout = TimeSpan.FromMilliseconds(200) });

        var failure = await Assert.ThrowsAsync<TimeoutException>(() => api.InvokeAsync("{}").WaitAsync(s_bound));

        Assert.Contains(api.Address, failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task LocalRuntimeApi_WhenFunctionNeverAnswers_ReportsTimedOutAndRefusesLatePosts()
    {
        await using var api = LocalRuntimeApi.Start(new LocalRuntimeApiOptions
        {
            Timeout = TimeSpan.FromMilliseconds(300),
            DeadlineGrace = TimeSpan.FromMilliseconds(100),
        });
        using var runtime = RuntimeClient(api);
        var invocation = api.Enqueue("{}"u8.ToArray(), new LocalInvocationOptions { RequestId = "slow" });
        using var next = await runtime.GetAsync("invocation/next").WaitAsync(s_bound);

        var result = await invocation.Completion.WaitAsync(s_bound);
        using var late = await runtime.PostAsync("invocation/slow/response", new StringContent("late")).WaitAsync(s_bound);

        Assert.Equal(LocalInvocationStatus.TimedOut, result.Status);
        Assert.Equal("Sandbox.Timedout", result.ErrorType);
        Assert.StartsWith("Task timed out after 0.30 seconds", result.Error!.ErrorMessage, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, late.StatusCode);
    }

    [Fact]
    public async Task LocalRuntimeApi_WhenResponseArrivesChunked_RecordsTheWholeBody()
    {
        await using var api = LocalRuntimeApi.Start();
        using var runtime = RuntimeClient(api);
        var invocation = api.Enqueue("{}"u8.ToArray(), new LocalInvocationOptions { RequestId = "chunky" });
        using var next = await runtime.GetAsync("invocation/next").WaitAsync(s_bound);
        var body = Encoding.UTF8.GetBytes(string.Concat(Enumerable.Repeat("0123456789", 5000)));

        using var content = new StreamContent(new UnknownLengthStream(body));
        using var posted = await runtime.PostAsync("invocation/chunky/response", content).WaitAsync(s_bound);
        var result = await invocation.Completion.WaitAsync(s_bound);

        Assert.Equal(HttpStatusCode.Accepted, posted.StatusCode);
        Assert.Equal(LocalInvocationStatus.Succeeded, result.Status);
        Assert.Equal(body, result.Payload);
    }

    [Fact]
    public async Task LocalRuntimeApi_WhenAPollerHangsUp_KeepsTheInvocationForTheNextRuntime()
    {
        await using var api = LocalRuntimeApi.Start();
        using (var abandoned = RuntimeClient(api))
        {
            using var giveUp = new CancellationTokenSource();
            var poll = abandoned.GetAsync("invocation/next", giveUp.Token);
            await api.FirstPoll.WaitAsync(s_bound);
            await giveUp.CancelAsync();
            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => poll.WaitAsync(s_bound));
        }

        await WaitUntilAsync(() => api.WaitingPolls == 0);
        var invocation = api.Enqueue("kept"u8.ToArray());
        using var runtime = RuntimeClient(api);
        using var next = await runtime.GetAsync("invocation/next").WaitAsync(s_bound);

        Assert.Equal(invocation.RequestId, Header(next, RuntimeApiHeaders.RequestId));
        Assert.Equal("kept", await next.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task LocalRuntimeApi_WhenErrorBodyIsNotJson_KeepsTheRawBody()
    {
        await using var api = LocalRuntimeApi.Start();
        using var runtime = RuntimeClient(api);
        var invocation = api.Enqueue("{}"u8.ToArray(), new LocalInvocationOptions { RequestId = "odd" });
        using var next = await runtime.GetAsync("invocation/next").WaitAsync(s_bound);

        using var request = new HttpRequestMessage(HttpMethod.Post, "invocation/odd/error") { Content = new StringContent("plain failure") };
        request.Headers.Add(RuntimeApiHeaders.FunctionErrorType, "Runtime.Unknown");
        using var posted = await runtime.SendAsync(request).WaitAsync(s_bound);
        var result = await invocation.Completion.WaitAsync(s_bound);

        Assert.Equal(LocalInvocationStatus.Failed, result.Status);
        Assert.Equal("Runtime.Unknown", result.ErrorType);
        Assert.Null(result.Error);
        Assert.Equal("plain failure", result.PayloadText);
    }

    [Fact]
    public async Task LocalRuntimeApi_WhenPostNamesNoWaitingInvocation_AnswersBadRequest()
    {
        await using var api = LocalRuntimeApi.Start();
        using var runtime = RuntimeClient(api);

        using var response = await runtime.PostAsync("invocation/nobody/response", new StringContent("{}")).WaitAsync(s_bound);
        using var unknownPath = await runtime.GetAsync("invocation/somewhere").WaitAsync(s_bound);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("InvalidRequestID", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, unknownPath.StatusCode);
    }

    [Fact]
    public async Task LocalRuntimeApi_WhenDisposed_FailsWhatIsStillPending()
    {
        var api = LocalRuntimeApi.Start();
        var invocation = api.Enqueue("{}"u8.ToArray());

        await api.DisposeAsync().AsTask().WaitAsync(s_bound);

        await Assert.ThrowsAsync<ObjectDisposedException>(() => invocation.Completion.WaitAsync(s_bound));
        Assert.Throws<ObjectDisposedException>(() => api.Enqueue("{}"u8.ToArray()));
    }

    [Fact]
    public async Task LocalRuntimeApi_WhenRequestIdIsAlreadyPending_RefusesTheSecond()
    {
        await using var api = LocalRuntimeApi.Start();
        api.Enqueue("{}"u8.ToArray(), new LocalInvocationOptions { RequestId = "twice" });

        Assert.Throws<ArgumentException>(() => api.Enqueue("{}"u8.ToArray(), new LocalInvocationOptions { RequestId = "twice" }));
    }

    private static HttpClient RuntimeClient(LocalRuntimeApi api) =>
        new(new SocketsHttpHandler { UseProxy = false })
        {
            BaseAddress = new Uri($"http://{api.Address}/{RuntimeApiHeaders.ApiVersion}/runtime/"),
            Timeout = s_bound,
        };

    private static string? Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) ? values.Single() : null;

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        var deadline = DateTimeOffset.UtcNow + s_bound;
        while (!condition())
        {
            Assert.True(DateTimeOffset.UtcNow < deadline, "The condition did not hold within the bound.");
            await Task.Delay(10);
        }
    }

    /// <summary>A body whose length HttpClient cannot know, so it is sent with chunked transfer encoding.</summary>
    private sealed class UnknownLengthStream(byte[] data) : MemoryStream(data)
    {
        public override bool CanSeek => false;
    }
}
