using System.Net;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Amazon.Runtime;
using Remittance.Aws.StepFunctions;

namespace Remittance.Aws.Tests.StepFunctions;

public sealed partial class StepFunctionsClientTests
{
    private const string AccessKey = "AKIDEXAMPLE";
    private const string SecretKey = "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY";
    private const string StateMachineArn = "arn:aws:states:eu-west-1:123456789012:stateMachine:remittance-enrichment";
    private static readonly DateTimeOffset s_signedAt = new(2026, 11, 21, 10, 15, 30, TimeSpan.Zero);
    private static readonly TimeSpan s_bound = TimeSpan.FromSeconds(15);

    [Fact]
    public async Task StartExecution_SendsSignedAwsJsonRequest()
    {
        var handler = new CapturingHandler().Respond(HttpStatusCode.OK,
            """{"executionArn":"arn:aws:states:eu-west-1:123456789012:execution:remittance-enrichment:run-1","startDate":1795256104.02}""");
        using var client = Client(handler);

        var response = await client.StartExecutionAsync(new StartExecutionRequest
        {
            StateMachineArn = StateMachineArn,
            Name = "run-1",
            Input = """{"requestId":"acme-1"}""",
        }).WaitAsync(s_bound);

        var request = Assert.Single(handler.Requests);
        Assert.Equal(HttpMethod.Post, request.Method);
        Assert.Equal(new Uri("https://states.eu-west-1.amazonaws.com/"), request.Uri);
        Assert.Equal("AWSStepFunctions.StartExecution", request.Header("X-Amz-Target"));
        Assert.Equal("application/x-amz-json-1.0", request.ContentType);
        Assert.Equal("20261121T101530Z", request.Header("X-Amz-Date"));
        var authorization = AuthorizationPattern().Match(request.Header("Authorization")!);
        Assert.True(authorization.Success, request.Header("Authorization"));
        Assert.Equal("AKIDEXAMPLE/20261121/eu-west-1/states/aws4_request", authorization.Groups["credential"].Value);
        Assert.Subset(authorization.Groups["signed"].Value.Split(';').ToHashSet(), new HashSet<string> { "host", "x-amz-date", "x-amz-target" });
        Assert.Null(request.Header("X-Amz-Security-Token"));
        Assert.True(JsonNode.DeepEquals(
            JsonNode.Parse($$"""{"stateMachineArn":"{{StateMachineArn}}","name":"run-1","input":"{\"requestId\":\"acme-1\"}"}"""),
            JsonNode.Parse(request.BodyText)), request.BodyText);
        Assert.Equal("arn:aws:states:eu-west-1:123456789012:execution:remittance-enrichment:run-1", response.ExecutionArn);
        Assert.Equal(new DateTime(2026, 11, 21, 10, 15, 4, 20, DateTimeKind.Utc), response.StartDate);
    }

    [Fact]
    public async Task StartExecution_Signature_MatchesAnIndependentSigV4Computation()
    {
        var handler = new CapturingHandler().Respond(HttpStatusCode.OK, """{"executionArn":"arn","startDate":1}""");
        using var client = Client(handler);

        await client.StartExecutionAsync(new StartExecutionRequest { StateMachineArn = StateMachineArn, Name = "run-1", Input = "{}" }).WaitAsync(s_bound);

        var request = Assert.Single(handler.Requests);
        var authorization = AuthorizationPattern().Match(request.Header("Authorization")!);
        var expected = IndependentSigV4.Signature(request, authorization.Groups["signed"].Value, SecretKey, "eu-west-1", "states");
        Assert.Equal(expected, authorization.Groups["signature"].Value);
    }

    [Fact]
    public async Task StartExecution_WithSessionCredentials_SendsAndSignsTheSecurityToken()
    {
        var handler = new CapturingHandler().Respond(HttpStatusCode.OK, """{"executionArn":"arn","startDate":1}""");
        using var client = Client(handler, new SessionAWSCredentials(AccessKey, SecretKey, "session-token-from-lambda-role"));

        await client.StartExecutionAsync(new StartExecutionRequest { StateMachineArn = StateMachineArn }).WaitAsync(s_bound);

        var request = Assert.Single(handler.Requests);
        Assert.Equal("session-token-from-lambda-role", request.Header("X-Amz-Security-Token"));
        var authorization = AuthorizationPattern().Match(request.Header("Authorization")!);
        Assert.Contains("x-amz-security-token", authorization.Groups["signed"].Value.Split(';'));
        Assert.Equal(
            IndependentSigV4.Signature(request, authorization.Groups["signed"].Value, SecretKey, "eu-west-1", "states"),
            authorization.Groups["signature"].Value);
    }

    [Fact]
    public async Task StartExecution_WhenNameIsTaken_ThrowsExecutionAlreadyExistsWithoutRetrying()
    {
        var handler = new CapturingHandler().Respond(HttpStatusCode.BadRequest,
            """{"__type":"com.amazonaws.states#ExecutionAlreadyExists","message":"Execution Already Exists: 'arn:…:run-1'"}""",
            ("x-amzn-RequestId", "5f2c0b4e-aaaa-bbbb-cccc-0123456789ab"));
        using var client = Client(handler);

        var failure = await Assert.ThrowsAsync<ExecutionAlreadyExistsException>(() =>
            client.StartExecutionAsync(new StartExecutionRequest { StateMachineArn = StateMachineArn, Name = "run-1" }).WaitAsync(s_bound));

        Assert.Equal("ExecutionAlreadyExists", failure.ErrorCode);
        Assert.Equal("Execution Already Exists: 'arn:…:run-1'", failure.Message);
        Assert.Equal("5f2c0b4e-aaaa-bbbb-cccc-0123456789ab", failure.RequestId);
        Assert.Equal(HttpStatusCode.BadRequest, failure.StatusCode);
        Assert.False(failure.IsRetryable);
        Assert.Single(handler.Requests);
    }

    [Fact]
    public async Task StartExecution_WhenThrottled_RetriesAndSucceeds()
    {
        var handler = new CapturingHandler()
            .Respond(HttpStatusCode.BadRequest, """{"__type":"ThrottlingException","message":"Rate exceeded"}""")
            .Respond(HttpStatusCode.OK, """{"executionArn":"arn:after-throttle","startDate":1795256104}""");
        using var client = Client(handler);

        var response = await client.StartExecutionAsync(new StartExecutionRequest { StateMachineArn = StateMachineArn }).WaitAsync(s_bound);

        Assert.Equal("arn:after-throttle", response.ExecutionArn);
        Assert.Equal(2, handler.Requests.Count);
    }

    [Fact]
    public async Task StartExecution_WhenServiceFails_RetriesUpToTheAttemptLimit()
    {
        var handler = new CapturingHandler()
            .Respond(HttpStatusCode.InternalServerError, """{"__type":"InternalFailure","message":"oops"}""")
            .Respond(HttpStatusCode.ServiceUnavailable, "")
            .Respond(HttpStatusCode.InternalServerError, """{"__type":"InternalFailure","message":"still oops"}""");
        using var client = Client(handler);

        var failure = await Assert.ThrowsAsync<AmazonStepFunctionsException>(() =>
            client.StartExecutionAsync(new StartExecutionRequest { StateMachineArn = StateMachineArn }).WaitAsync(s_bound));

        Assert.Equal(3, handler.Requests.Count);
        Assert.Equal("still oops", failure.Message);
        Assert.True(failure.IsRetryable);
        Assert.False(failure.IsThrottling);
    }

    [Fact]
    public async Task StartExecution_AfterAServerError_SucceedsOnRetry()
    {
        var handler = new CapturingHandler()
            .Respond(HttpStatusCode.InternalServerError, """{"__type":"InternalFailure"}""")
            .Respond(HttpStatusCode.OK, """{"executionArn":"arn:second-try","startDate":1}""");
        using var client = Client(handler);

        var response = await client.StartExecutionAsync(new StartExecutionRequest { StateMachineArn = StateMachineArn }).WaitAsync(s_bound);

        Assert.Equal("arn:second-try", response.ExecutionArn);
        Assert.NotEqual(handler.Requests[0], handler.Requests[1]);
    }

    [Fact]
    public async Task StartExecution_WhenInputIsInvalid_ThrowsValidationWithoutRetrying()
    {
        var handler = new CapturingHandler().Respond(HttpStatusCode.BadRequest,
            """{"__type":"com.amazon.coral.validate#ValidationException","Message":"1 validation error detected"}""");
        using var client = Client(handler);

        var failure = await Assert.ThrowsAsync<ValidationException>(() =>
            client.StartExecutionAsync(new StartExecutionRequest { StateMachineArn = StateMachineArn }).WaitAsync(s_bound));

        Assert.Equal("1 validation error detected", failure.Message);
        Assert.Single(handler.Requests);
    }

    [Fact]
    public async Task StartExecution_WhenCancelledDuringBackoff_StopsAtOnce()
    {
        using var cancel = new CancellationTokenSource();
        var attemptTimeout = TimeSpan.FromSeconds(17);
        var handler = new CapturingHandler()
            .Respond(HttpStatusCode.ServiceUnavailable, """{"__type":"ServiceUnavailable"}""");
        using var client = Client(handler, configure: config =>
        {
            config.Timeout = attemptTimeout;
            config.RetryBaseDelay = TimeSpan.FromMinutes(5);
            config.TimeProvider = new BackoffObservingTimeProvider(s_signedAt, attemptTimeout, cancel.Cancel);
        });

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() =>
            client.StartExecutionAsync(new StartExecutionRequest { StateMachineArn = StateMachineArn }, cancel.Token).WaitAsync(s_bound));

        Assert.Single(handler.Requests);
    }

    [Fact]
    public async Task StartExecution_WhenAnAttemptHangs_TimesItOutAndRetries()
    {
        var handler = new CapturingHandler()
            .Respond(async (_, token) =>
            {
                await Task.Delay(Timeout.InfiniteTimeSpan, token);
                throw new InvalidOperationException("unreachable");
            })
            .Respond(HttpStatusCode.OK, """{"executionArn":"arn:after-timeout","startDate":1}""");
        using var client = Client(handler, configure: config => config.Timeout = TimeSpan.FromMilliseconds(200));

        var response = await client.StartExecutionAsync(new StartExecutionRequest { StateMachineArn = StateMachineArn }).WaitAsync(s_bound);

        Assert.Equal("arn:after-timeout", response.ExecutionArn);
        Assert.Equal(2, handler.Requests.Count);
    }

    [Fact]
    public async Task StartExecution_WhenConnectionFails_RetriesThenRethrows()
    {
        var handler = new CapturingHandler();
        for (var i = 0; i < 2; i++)
        {
            handler.Respond((_, _) => throw new HttpRequestException("Connection refused"));
        }

        using var client = Client(handler, configure: config => config.MaxErrorRetry = 1);

        await Assert.ThrowsAsync<HttpRequestException>(() =>
            client.StartExecutionAsync(new StartExecutionRequest { StateMachineArn = StateMachineArn }).WaitAsync(s_bound));

        Assert.Equal(2, handler.Requests.Count);
    }

    [Fact]
    public async Task DescribeExecution_ReadsStatusRedriveStateAndEpochSecondDates()
    {
        var handler = new CapturingHandler().Respond(HttpStatusCode.OK, """
            {"executionArn":"arn:exec","stateMachineArn":"arn:sm","name":"run-1","status":"FAILED",
             "startDate":1795256104.02,"stopDate":1795256172.481,"input":"{}","inputDetails":{"included":true},
             "error":"Enrichment.PartnerLookupFailed","cause":"503 three times","redriveCount":2,
             "redriveDate":1795256200,"redriveStatus":"REDRIVABLE","redriveStatusReason":"Execution is FAILED and can be redriven"}
            """);
        using var client = Client(handler);

        var response = await client.DescribeExecutionAsync(new DescribeExecutionRequest { ExecutionArn = "arn:exec" }).WaitAsync(s_bound);

        Assert.Equal("AWSStepFunctions.DescribeExecution", handler.Requests[0].Header("X-Amz-Target"));
        Assert.Equal("""{"executionArn":"arn:exec"}""", handler.Requests[0].BodyText);
        Assert.Equal(ExecutionStatus.FAILED, response.Status);
        Assert.True(response.Status == "FAILED");
        Assert.Equal(ExecutionRedriveStatus.REDRIVABLE, response.RedriveStatus);
        Assert.Equal(new DateTime(2026, 11, 21, 10, 15, 4, 20, DateTimeKind.Utc), response.StartDate);
        Assert.Equal(new DateTime(2026, 11, 21, 10, 16, 12, 481, DateTimeKind.Utc), response.StopDate);
        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(1795256200).UtcDateTime, response.RedriveDate);
        Assert.Equal(2, response.RedriveCount);
        Assert.Equal("Enrichment.PartnerLookupFailed", response.Error);
        Assert.True(response.InputDetails!.Included);
        Assert.Null(response.Output);
    }

    [Fact]
    public async Task DescribeExecution_WithAStatusNewerThanThisCode_KeepsItsValue()
    {
        var handler = new CapturingHandler().Respond(HttpStatusCode.OK, """{"executionArn":"arn:exec","status":"PAUSED"}""");
        using var client = Client(handler);

        var response = await client.DescribeExecutionAsync(new DescribeExecutionRequest { ExecutionArn = "arn:exec" }).WaitAsync(s_bound);

        Assert.Equal("PAUSED", response.Status!.Value);
        Assert.NotEqual(ExecutionStatus.RUNNING, response.Status);
    }

    [Fact]
    public async Task RedriveExecution_SendsClientTokenAndReadsRedriveDate()
    {
        var handler = new CapturingHandler().Respond(HttpStatusCode.OK, """{"redriveDate":1795256300.5}""");
        using var client = Client(handler);

        var response = await client.RedriveExecutionAsync(new RedriveExecutionRequest { ExecutionArn = "arn:exec", ClientToken = "sweep-42" }).WaitAsync(s_bound);

        Assert.Equal("AWSStepFunctions.RedriveExecution", handler.Requests[0].Header("X-Amz-Target"));
        Assert.Equal("""{"executionArn":"arn:exec","clientToken":"sweep-42"}""", handler.Requests[0].BodyText);
        Assert.Equal(new DateTime(2026, 11, 21, 10, 18, 20, 500, DateTimeKind.Utc), response.RedriveDate);
    }

    [Theory]
    [InlineData("ExecutionDoesNotExist", typeof(ExecutionDoesNotExistException))]
    [InlineData("ExecutionNotRedrivable", typeof(ExecutionNotRedrivableException))]
    [InlineData("ExecutionLimitExceeded", typeof(ExecutionLimitExceededException))]
    [InlineData("InvalidArn", typeof(InvalidArnException))]
    [InlineData("InvalidName", typeof(InvalidNameException))]
    [InlineData("InvalidExecutionInput", typeof(InvalidExecutionInputException))]
    [InlineData("StateMachineDoesNotExist", typeof(StateMachineDoesNotExistException))]
    [InlineData("StateMachineDeleting", typeof(StateMachineDeletingException))]
    [InlineData("AccessDeniedException", typeof(AmazonStepFunctionsException))]
    public async Task ErrorResponse_MapsEachCodeToItsException(string code, Type expected)
    {
        var handler = new CapturingHandler().Respond(HttpStatusCode.BadRequest, $$"""{"__type":"com.amazonaws.states#{{code}}","message":"no"}""");
        using var client = Client(handler);

        var failure = await Assert.ThrowsAnyAsync<AmazonStepFunctionsException>(() =>
            client.DescribeExecutionAsync(new DescribeExecutionRequest { ExecutionArn = "arn" }).WaitAsync(s_bound));

        Assert.IsType(expected, failure);
        Assert.Equal(code, failure.ErrorCode);
        Assert.Single(handler.Requests);
    }

    [Fact]
    public async Task ErrorResponse_WithoutBody_TakesTheCodeFromTheErrorTypeHeader()
    {
        var handler = new CapturingHandler().Respond(HttpStatusCode.BadRequest, "",
            ("x-amzn-ErrorType", "StateMachineDoesNotExist:http://internal.amazon.com/coral/com.amazonaws.swf.service.v2.model/"));
        using var client = Client(handler);

        var failure = await Assert.ThrowsAsync<StateMachineDoesNotExistException>(() =>
            client.StartExecutionAsync(new StartExecutionRequest { StateMachineArn = StateMachineArn }).WaitAsync(s_bound));

        Assert.Equal("StateMachineDoesNotExist", failure.ErrorCode);
    }

    [Fact]
    public void Endpoint_WithServiceUrl_GoesThereAndOtherwiseToTheRegion()
    {
        using var local = new AmazonStepFunctionsClient(new BasicAWSCredentials(AccessKey, SecretKey),
            new AmazonStepFunctionsConfig { ServiceURL = "http://127.0.0.1:8083" });
        using var regional = new AmazonStepFunctionsClient(new BasicAWSCredentials(AccessKey, SecretKey),
            new AmazonStepFunctionsConfig { Region = "ap-southeast-2" });
        using var china = new AmazonStepFunctionsClient(new BasicAWSCredentials(AccessKey, SecretKey),
            new AmazonStepFunctionsConfig { Region = "cn-north-1" });

        Assert.Equal(new Uri("http://127.0.0.1:8083/"), local.Endpoint);
        Assert.Equal(new Uri("https://states.ap-southeast-2.amazonaws.com/"), regional.Endpoint);
        Assert.Equal(new Uri("https://states.cn-north-1.amazonaws.com.cn/"), china.Endpoint);
    }

    [Fact]
    public void Exceptions_BuiltByHand_CarryTheirWireCode()
    {
        var failure = new ExecutionAlreadyExistsException("taken");

        Assert.Equal("ExecutionAlreadyExists", failure.ErrorCode);
        Assert.Equal(HttpStatusCode.BadRequest, failure.StatusCode);
        Assert.True(new ThrottlingException("slow down").IsThrottling);
        Assert.True(new ThrottlingException("slow down").IsRetryable);
    }

    private static AmazonStepFunctionsClient Client(
        CapturingHandler handler,
        AWSCredentials? credentials = null,
        Action<AmazonStepFunctionsConfig>? configure = null)
    {
        var config = new AmazonStepFunctionsConfig
        {
            Region = "eu-west-1",
            HttpMessageHandler = handler,
            TimeProvider = new FixedTimeProvider(s_signedAt),
            RetryBaseDelay = TimeSpan.FromMilliseconds(1),
        };
        configure?.Invoke(config);
        return new AmazonStepFunctionsClient(credentials ?? new BasicAWSCredentials(AccessKey, SecretKey), config);
    }

    /// <summary>A fixed clock that reports when the client starts waiting out a backoff (any timer but an attempt's).</summary>
    private sealed class BackoffObservingTimeProvider(DateTimeOffset now, TimeSpan attemptTimeout, Action onBackoff) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;

        public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
        {
            var timer = base.CreateTimer(callback, state, dueTime, period);
            if (dueTime != attemptTimeout)
            {
                onBackoff();
            }

            return timer;
        }
    }

    [GeneratedRegex("^AWS4-HMAC-SHA256 Credential=(?<credential>[^,]+), SignedHeaders=(?<signed>[a-z0-9;-]+), Signature=(?<signature>[0-9a-f]{64})$")]
    private static partial Regex AuthorizationPattern();
}
