using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Remittance.Aws.StepFunctions;
using Remittance.Local.Endpoints;
using Remittance.Local.StepFunctions;

namespace Remittance.IntegrationTests.Endpoints;

/// <summary>
/// The local Step Functions endpoint between the real client (as the Lambda binary uses it) and an in-process backend:
/// what the client sends arrives unchanged, what the backend answers or throws comes back as the client would get it
/// from AWS.
/// </summary>
public sealed class LocalStepFunctionsEndpointTests
{
    private const string StateMachineArn = "arn:aws:states:us-east-1:123456789012:stateMachine:remittance-enrichment";
    private const string ExecutionArn = "arn:aws:states:us-east-1:123456789012:execution:remittance-enrichment:acme-1";
    private static readonly TimeSpan s_bound = EndpointClients.Bound;
    private static readonly DateTime s_startDate = new(2026, 11, 21, 10, 15, 4, 20, DateTimeKind.Utc);

    [Fact]
    public async Task StartExecution_ThroughTheEndpoint_DeliversTheRequestAndReturnsArnAndStartDate()
    {
        var backend = new FakeStepFunctionsBackend
        {
            OnStart = request => new StartExecutionResponse { ExecutionArn = ExecutionArn, StartDate = s_startDate },
        };
        await using var endpoint = LocalStepFunctionsEndpoint.Start(backend);
        using var client = EndpointClients.StepFunctions(endpoint);
        const string Input = """{"requestId":"acme-1","payee":"Müller — 支付 🙂","note":"quote \" backslash \\ newline \n"}""";

        var response = await client.StartExecutionAsync(new StartExecutionRequest
        {
            StateMachineArn = StateMachineArn,
            Name = "acme-1",
            Input = Input,
            TraceHeader = "Root=1-5759e988-bd862e3fe1be46a994272793;Sampled=1",
        }).WaitAsync(s_bound);

        var arrived = Assert.Single(backend.Starts);
        Assert.Equal(StateMachineArn, arrived.StateMachineArn);
        Assert.Equal("acme-1", arrived.Name);
        Assert.Equal(Input, arrived.Input);
        Assert.Equal("Root=1-5759e988-bd862e3fe1be46a994272793;Sampled=1", arrived.TraceHeader);
        Assert.Equal(ExecutionArn, response.ExecutionArn);
        Assert.Equal(s_startDate, response.StartDate);
        Assert.Equal(DateTimeKind.Utc, response.StartDate!.Value.Kind);
    }

    [Fact]
    public async Task DescribeExecution_ThroughTheEndpoint_ReturnsEveryFieldTheBackendSet()
    {
        var stopDate = s_startDate.AddSeconds(3.5);
        var redriveDate = s_startDate.AddMinutes(2);
        var backend = new FakeStepFunctionsBackend
        {
            OnDescribe = request => new DescribeExecutionResponse
            {
                ExecutionArn = request.ExecutionArn,
                StateMachineArn = StateMachineArn,
                Name = "acme-1",
                Status = ExecutionStatus.FAILED,
                StartDate = s_startDate,
                StopDate = stopDate,
                Input = """{"requestId":"acme-1"}""",
                Error = "Remittance.Transient",
                Cause = "Invoices table throttled",
                RedriveCount = 2,
                RedriveDate = redriveDate,
                RedriveStatus = ExecutionRedriveStatus.REDRIVABLE,
            },
        };
        await using var endpoint = LocalStepFunctionsEndpoint.Start(backend);
        using var client = EndpointClients.StepFunctions(endpoint);

        var described = await client.DescribeExecutionAsync(new DescribeExecutionRequest { ExecutionArn = ExecutionArn }).WaitAsync(s_bound);

        Assert.Equal(ExecutionArn, Assert.Single(backend.Describes).ExecutionArn);
        Assert.Equal(ExecutionArn, described.ExecutionArn);
        Assert.Equal(StateMachineArn, described.StateMachineArn);
        Assert.Equal("acme-1", described.Name);
        Assert.Equal(ExecutionStatus.FAILED, described.Status);
        Assert.Equal(s_startDate, described.StartDate);
        Assert.Equal(stopDate, described.StopDate);
        Assert.Equal("""{"requestId":"acme-1"}""", described.Input);
        Assert.Null(described.Output);
        Assert.Equal("Remittance.Transient", described.Error);
        Assert.Equal("Invoices table throttled", described.Cause);
        Assert.Equal(2, described.RedriveCount);
        Assert.Equal(redriveDate, described.RedriveDate);
        Assert.Equal(ExecutionRedriveStatus.REDRIVABLE, described.RedriveStatus);
    }

    [Fact]
    public async Task RedriveExecution_ThroughTheEndpoint_DeliversArnAndClientToken_AndReturnsTheRedriveDate()
    {
        var backend = new FakeStepFunctionsBackend { OnRedrive = _ => new RedriveExecutionResponse { RedriveDate = s_startDate } };
        await using var endpoint = LocalStepFunctionsEndpoint.Start(backend);
        using var client = EndpointClients.StepFunctions(endpoint);

        var response = await client.RedriveExecutionAsync(new RedriveExecutionRequest { ExecutionArn = ExecutionArn, ClientToken = "sweep-7" })
            .WaitAsync(s_bound);

        var arrived = Assert.Single(backend.Redrives);
        Assert.Equal(ExecutionArn, arrived.ExecutionArn);
        Assert.Equal("sweep-7", arrived.ClientToken);
        Assert.Equal(s_startDate, response.RedriveDate);
    }

    [Fact]
    public async Task StartExecution_WhenTheBackendSaysTheNameIsTaken_RaisesExecutionAlreadyExistsWithoutRetrying()
    {
        var backend = new FakeStepFunctionsBackend
        {
            OnStart = _ => throw new ExecutionAlreadyExistsException(
                $"Execution Already Exists: '{ExecutionArn}'", null, "ExecutionAlreadyExists", "req-taken-1", HttpStatusCode.BadRequest),
        };
        await using var endpoint = LocalStepFunctionsEndpoint.Start(backend);
        using var client = EndpointClients.StepFunctions(endpoint);

        var failure = await Assert.ThrowsAsync<ExecutionAlreadyExistsException>(() =>
            client.StartExecutionAsync(new StartExecutionRequest { StateMachineArn = StateMachineArn, Name = "acme-1" }).WaitAsync(s_bound));

        Assert.Equal("ExecutionAlreadyExists", failure.ErrorCode);
        Assert.Equal($"Execution Already Exists: '{ExecutionArn}'", failure.Message);
        Assert.Equal(HttpStatusCode.BadRequest, failure.StatusCode);
        Assert.Equal("req-taken-1", failure.RequestId);
        Assert.False(failure.IsRetryable);
        Assert.Single(backend.Starts);
    }

    [Fact]
    public async Task StartExecution_WhenTheBackendThrottlesTwice_IsRetriedByTheClientAndSucceeds()
    {
        var calls = 0;
        var backend = new FakeStepFunctionsBackend
        {
            OnStart = _ => Interlocked.Increment(ref calls) <= 2
                ? throw new ThrottlingException("Rate exceeded")
                : new StartExecutionResponse { ExecutionArn = ExecutionArn, StartDate = s_startDate },
        };
        await using var endpoint = LocalStepFunctionsEndpoint.Start(backend);
        using var client = EndpointClients.StepFunctions(endpoint);

        var response = await client.StartExecutionAsync(new StartExecutionRequest { StateMachineArn = StateMachineArn, Name = "acme-1" })
            .WaitAsync(s_bound);

        Assert.Equal(ExecutionArn, response.ExecutionArn);
        Assert.Equal(3, backend.Starts.Count);
    }

    [Theory]
    [InlineData(typeof(InvalidNameException), "InvalidName")]
    [InlineData(typeof(InvalidArnException), "InvalidArn")]
    [InlineData(typeof(InvalidExecutionInputException), "InvalidExecutionInput")]
    [InlineData(typeof(ExecutionDoesNotExistException), "ExecutionDoesNotExist")]
    [InlineData(typeof(ExecutionNotRedrivableException), "ExecutionNotRedrivable")]
    [InlineData(typeof(ExecutionLimitExceededException), "ExecutionLimitExceeded")]
    [InlineData(typeof(StateMachineDoesNotExistException), "StateMachineDoesNotExist")]
    [InlineData(typeof(StateMachineDeletingException), "StateMachineDeleting")]
    [InlineData(typeof(ValidationException), "ValidationException")]
    public async Task StartExecution_WhenTheBackendThrowsAServiceError_RaisesTheSameTypeWithTheSameCode(Type exceptionType, string errorCode)
    {
        var thrown = (AmazonStepFunctionsException)Activator.CreateInstance(exceptionType, "backend says no")!;
        var backend = new FakeStepFunctionsBackend { OnStart = _ => throw thrown };
        await using var endpoint = LocalStepFunctionsEndpoint.Start(backend);
        using var client = EndpointClients.StepFunctions(endpoint, maxErrorRetry: 0);

        var failure = await Assert.ThrowsAnyAsync<AmazonStepFunctionsException>(() =>
            client.StartExecutionAsync(new StartExecutionRequest { StateMachineArn = StateMachineArn, Name = "acme-1" }).WaitAsync(s_bound));

        Assert.Equal(errorCode, thrown.ErrorCode);
        Assert.IsType(exceptionType, failure);
        Assert.Equal(thrown.ErrorCode, failure.ErrorCode);
        Assert.Equal(thrown.StatusCode, failure.StatusCode);
        Assert.Equal("backend says no", failure.Message);
    }

    [Fact]
    public async Task StartExecution_WhenTheBackendFailsUnexpectedly_AnswersA500WithTheFailure()
    {
        var backend = new FakeStepFunctionsBackend { OnStart = _ => throw new InvalidOperationException("runner crashed") };
        await using var endpoint = LocalStepFunctionsEndpoint.Start(backend);
        using var client = EndpointClients.StepFunctions(endpoint, maxErrorRetry: 0);

        var failure = await Assert.ThrowsAsync<AmazonStepFunctionsException>(() =>
            client.StartExecutionAsync(new StartExecutionRequest { StateMachineArn = StateMachineArn, Name = "acme-1" }).WaitAsync(s_bound));

        Assert.Equal(HttpStatusCode.InternalServerError, failure.StatusCode);
        Assert.Equal("InternalFailure", failure.ErrorCode);
        Assert.Contains("runner crashed", failure.Message, StringComparison.Ordinal);
        Assert.True(failure.IsRetryable);
    }

    [Theory]
    [InlineData("AWSStepFunctions.ListExecutions")]
    [InlineData("DynamoDB_20120810.GetItem")]
    [InlineData(null)]
    public async Task Endpoint_WhenTheTargetIsNotAnOperationItServes_AnswersUnknownOperation(string? target)
    {
        await using var endpoint = LocalStepFunctionsEndpoint.Start(new FakeStepFunctionsBackend());
        using var http = new HttpClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, endpoint.ServiceUrl + "/")
        {
            Content = new StringContent("{}", Encoding.UTF8, "application/x-amz-json-1.0"),
        };
        if (target is not null)
        {
            request.Headers.Add("X-Amz-Target", target);
        }

        using var response = await http.SendAsync(request).WaitAsync(s_bound);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var error = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.Equal("UnknownOperationException", (string?)error["__type"]);
        Assert.False(string.IsNullOrEmpty((string?)error["message"]));
    }

    [Fact]
    public async Task Endpoint_WhenTheBodyIsNotJson_AnswersSerializationExceptionWithoutCallingTheBackend()
    {
        var backend = new FakeStepFunctionsBackend();
        await using var endpoint = LocalStepFunctionsEndpoint.Start(backend);
        using var http = new HttpClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, endpoint.ServiceUrl + "/")
        {
            Content = new StringContent("{not json", Encoding.UTF8, "application/x-amz-json-1.0"),
        };
        request.Headers.Add("X-Amz-Target", "AWSStepFunctions.StartExecution");

        using var response = await http.SendAsync(request).WaitAsync(s_bound);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("SerializationException", (string?)JsonNode.Parse(await response.Content.ReadAsStringAsync())!["__type"]);
        Assert.Empty(backend.Starts);
    }

    [Fact]
    public async Task Endpoint_InFrontOfTheLocalStepFunctionsStandIn_KeepsItsNamingRulesAndErrors()
    {
        var stepFunctions = new LocalStepFunctions(TimeProvider.System, "us-east-1", "123456789012");
        await using var endpoint = LocalStepFunctionsEndpoint.Start(stepFunctions);
        using var client = EndpointClients.StepFunctions(endpoint);
        var start = new StartExecutionRequest { StateMachineArn = StateMachineArn, Name = "acme-1", Input = """{"requestId":"acme-1"}""" };

        var started = await client.StartExecutionAsync(start).WaitAsync(s_bound);
        var again = await client.StartExecutionAsync(start).WaitAsync(s_bound);
        var described = await client.DescribeExecutionAsync(new DescribeExecutionRequest { ExecutionArn = started.ExecutionArn! }).WaitAsync(s_bound);
        var taken = await Assert.ThrowsAsync<ExecutionAlreadyExistsException>(() => client.StartExecutionAsync(new StartExecutionRequest
        {
            StateMachineArn = StateMachineArn, Name = "acme-1", Input = """{"requestId":"other"}""",
        }).WaitAsync(s_bound));
        var badName = await Assert.ThrowsAsync<InvalidNameException>(() =>
            client.StartExecutionAsync(new StartExecutionRequest { StateMachineArn = StateMachineArn, Name = "has space" }).WaitAsync(s_bound));
        var missing = await Assert.ThrowsAsync<ExecutionDoesNotExistException>(() =>
            client.DescribeExecutionAsync(new DescribeExecutionRequest { ExecutionArn = ExecutionArn + "-missing" }).WaitAsync(s_bound));
        // Without a workflow runner the stand-in only records starts, so nothing is ever redrivable.
        var notRedrivable = await Assert.ThrowsAsync<ExecutionNotRedrivableException>(() =>
            client.RedriveExecutionAsync(new RedriveExecutionRequest { ExecutionArn = started.ExecutionArn! }).WaitAsync(s_bound));

        Assert.Equal(LocalStepFunctions.ExecutionArn(StateMachineArn, "acme-1"), started.ExecutionArn);
        Assert.Equal(started.ExecutionArn, again.ExecutionArn);
        Assert.Equal(started.StartDate, again.StartDate);
        var execution = Assert.Single(stepFunctions.Executions);
        Assert.Equal(execution.StartDate.UtcDateTime, started.StartDate);
        Assert.Equal(ExecutionStatus.RUNNING, described.Status);
        Assert.Equal("acme-1", described.Name);
        Assert.Equal("""{"requestId":"acme-1"}""", described.Input);
        Assert.Equal("ExecutionAlreadyExists", taken.ErrorCode);
        Assert.Equal("InvalidName", badName.ErrorCode);
        Assert.Equal("ExecutionDoesNotExist", missing.ErrorCode);
        Assert.Equal("ExecutionNotRedrivable", notRedrivable.ErrorCode);
        Assert.Equal(4, stepFunctions.StartCalls);
    }
}
