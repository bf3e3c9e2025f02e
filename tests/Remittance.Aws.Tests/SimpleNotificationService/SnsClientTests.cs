using System.Net;
using System.Text.RegularExpressions;
using System.Xml;
using Amazon.Runtime;
using Remittance.Aws.SimpleNotificationService;

namespace Remittance.Aws.Tests.SimpleNotificationService;

public sealed partial class SnsClientTests
{
    private const string AccessKey = "AKIDEXAMPLE";
    private const string SecretKey = "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY";
    private const string TopicArn = "arn:aws:sns:eu-west-1:123456789012:remittance-prod-enrichment-Enriched";
    private static readonly DateTimeOffset s_signedAt = new(2026, 11, 22, 9, 30, 0, TimeSpan.Zero);
    private static readonly TimeSpan s_bound = TimeSpan.FromSeconds(15);

    private const string Published = """
        <PublishResponse xmlns="https://sns.amazonaws.com/doc/2010-03-31/">
          <PublishResult><MessageId>567910cd-659e-55d4-8ccb-5aaf14679dc0</MessageId></PublishResult>
          <ResponseMetadata><RequestId>d74b8436-ae13-5ab4-a9ff-ce54dfea72a0</RequestId></ResponseMetadata>
        </PublishResponse>
        """;

    [Fact]
    public async Task Publish_SendsASignedQueryProtocolForm_AndReadsTheMessageId()
    {
        var handler = new CapturingHandler().Respond(HttpStatusCode.OK, Published);
        using var client = Client(handler);

        var response = await client.PublishAsync(new PublishRequest { TopicArn = TopicArn, Message = """{"eventId":"e-1"}""" }).WaitAsync(s_bound);

        var request = Assert.Single(handler.Requests);
        Assert.Equal(HttpMethod.Post, request.Method);
        Assert.Equal(new Uri("https://sns.eu-west-1.amazonaws.com/"), request.Uri);
        Assert.Equal("application/x-www-form-urlencoded; charset=utf-8", request.ContentType);
        Assert.Null(request.Header("X-Amz-Target"));
        Assert.Equal("20261122T093000Z", request.Header("X-Amz-Date"));
        var authorization = AuthorizationPattern().Match(request.Header("Authorization")!);
        Assert.True(authorization.Success, request.Header("Authorization"));
        Assert.Equal("AKIDEXAMPLE/20261122/eu-west-1/sns/aws4_request", authorization.Groups["credential"].Value);
        Assert.Equal(
            "Action=Publish&Version=2010-03-31&TopicArn=arn%3Aaws%3Asns%3Aeu-west-1%3A123456789012%3Aremittance-prod-enrichment-Enriched" +
            "&Message=%7B%22eventId%22%3A%22e-1%22%7D",
            request.BodyText);
        Assert.Equal("567910cd-659e-55d4-8ccb-5aaf14679dc0", response.MessageId);
    }

    [Fact]
    public async Task Publish_Signature_MatchesAnIndependentSigV4Computation()
    {
        var handler = new CapturingHandler().Respond(HttpStatusCode.OK, Published);
        using var client = Client(handler, new SessionAWSCredentials(AccessKey, SecretKey, "session-token-from-lambda-role"));

        await client.PublishAsync(new PublishRequest { TopicArn = TopicArn, Message = "m" }).WaitAsync(s_bound);

        var request = Assert.Single(handler.Requests);
        Assert.Equal("session-token-from-lambda-role", request.Header("X-Amz-Security-Token"));
        var authorization = AuthorizationPattern().Match(request.Header("Authorization")!);
        Assert.Equal(
            IndependentSigV4.Signature(request, authorization.Groups["signed"].Value, SecretKey, "eu-west-1", "sns"),
            authorization.Groups["signature"].Value);
    }

    [Theory]
    [InlineData("plain")]
    [InlineData("spaces and + plus & ampersand = equals ; % percent")]
    [InlineData("Zahlung über 1.234,50 € für Müller — 支付 🙂")]
    [InlineData("line\nbreak\r\ttab \"quotes\" <xml/>")]
    public async Task Publish_EncodesAnyMessageSoThatItDecodesToTheSameText(string message)
    {
        var handler = new CapturingHandler().Respond(HttpStatusCode.OK, Published);
        using var client = Client(handler);

        await client.PublishAsync(new PublishRequest { TopicArn = TopicArn, Message = message, Subject = "Remittance advice" }).WaitAsync(s_bound);

        var body = Assert.Single(handler.Requests).BodyText;
        Assert.DoesNotContain(' ', body);
        Assert.DoesNotContain('+', body);
        var form = body.Split('&').Select(pair => pair.Split('=')).ToDictionary(p => Uri.UnescapeDataString(p[0]), p => Uri.UnescapeDataString(p[1]));
        Assert.Equal(message, form["Message"]);
        Assert.Equal("Remittance advice", form["Subject"]);
        Assert.Equal(TopicArn, form["TopicArn"]);
    }

    [Fact]
    public async Task Publish_ClientError_IsNotRetried_AndCarriesCodeMessageAndRequestId()
    {
        var handler = new CapturingHandler().Respond(HttpStatusCode.NotFound, """
            <ErrorResponse xmlns="https://sns.amazonaws.com/doc/2010-03-31/">
              <Error><Type>Sender</Type><Code>NotFound</Code><Message>Topic does not exist</Message></Error>
              <RequestId>9b0ed7a4-1e0c-5b2b-8c38-7f3f0b1f2c11</RequestId>
            </ErrorResponse>
            """);
        using var client = Client(handler);

        var error = await Assert.ThrowsAsync<AmazonSimpleNotificationServiceException>(
            () => client.PublishAsync(new PublishRequest { TopicArn = TopicArn, Message = "m" }).WaitAsync(s_bound));

        Assert.Single(handler.Requests);
        Assert.Equal("NotFound", error.ErrorCode);
        Assert.Equal("Topic does not exist", error.Message);
        Assert.Equal("9b0ed7a4-1e0c-5b2b-8c38-7f3f0b1f2c11", error.RequestId);
        Assert.Equal(HttpStatusCode.NotFound, error.StatusCode);
        Assert.False(error.IsRetryable);
    }

    [Theory]
    [InlineData(HttpStatusCode.BadRequest, "Throttled")]
    [InlineData(HttpStatusCode.BadRequest, "KMSThrottling")]
    [InlineData(HttpStatusCode.InternalServerError, "InternalError")]
    public async Task Publish_ThrottlingAndServerErrors_AreRetried(HttpStatusCode status, string code)
    {
        var handler = new CapturingHandler()
            .Respond(status, $"<ErrorResponse><Error><Type>Sender</Type><Code>{code}</Code><Message>slow down</Message></Error></ErrorResponse>")
            .Respond(HttpStatusCode.OK, Published);
        using var client = Client(handler);

        var response = await client.PublishAsync(new PublishRequest { TopicArn = TopicArn, Message = "m" }).WaitAsync(s_bound);

        Assert.Equal(2, handler.Requests.Count);
        Assert.Equal(handler.Requests[0].BodyText, handler.Requests[1].BodyText);
        Assert.Equal("567910cd-659e-55d4-8ccb-5aaf14679dc0", response.MessageId);
    }

    [Fact]
    public async Task Publish_ANonXmlGatewayError_IsRetriedThenReportedWithItsStatus()
    {
        var handler = new CapturingHandler()
            .Respond(HttpStatusCode.BadGateway, "<html>bad gateway")
            .Respond(HttpStatusCode.BadGateway, "<html>bad gateway");
        using var client = Client(handler, configure: config => config.MaxErrorRetry = 1);

        var error = await Assert.ThrowsAsync<AmazonSimpleNotificationServiceException>(
            () => client.PublishAsync(new PublishRequest { TopicArn = TopicArn, Message = "m" }).WaitAsync(s_bound));

        Assert.Equal(2, handler.Requests.Count);
        Assert.Equal("InternalFailure", error.ErrorCode);
        Assert.Contains("bad gateway", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Publish_AnAnswerWithoutItsResult_IsAnError_NotAnEmptyMessageId()
    {
        var handler = new CapturingHandler().Respond(HttpStatusCode.OK, "<PublishResponse><ResponseMetadata/></PublishResponse>");
        using var client = Client(handler);

        var error = await Assert.ThrowsAsync<XmlException>(
            () => client.PublishAsync(new PublishRequest { TopicArn = TopicArn, Message = "m" }).WaitAsync(s_bound));
        Assert.Contains("PublishResult", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Publish_WithoutTopicOrMessage_FailsBeforeAnyRequest()
    {
        var handler = new CapturingHandler();
        using var client = Client(handler);

        await Assert.ThrowsAsync<ArgumentException>(() => client.PublishAsync(new PublishRequest { Message = "m" }));
        await Assert.ThrowsAsync<ArgumentException>(() => client.PublishAsync(new PublishRequest { TopicArn = TopicArn }));
        Assert.Empty(handler.Requests);
    }

    private static AmazonSimpleNotificationServiceClient Client(
        CapturingHandler handler,
        AWSCredentials? credentials = null,
        Action<AmazonSimpleNotificationServiceConfig>? configure = null)
    {
        var config = new AmazonSimpleNotificationServiceConfig
        {
            Region = "eu-west-1",
            HttpMessageHandler = handler,
            TimeProvider = new FixedTimeProvider(s_signedAt),
            RetryBaseDelay = TimeSpan.FromMilliseconds(1),
        };
        configure?.Invoke(config);
        return new AmazonSimpleNotificationServiceClient(credentials ?? new BasicAWSCredentials(AccessKey, SecretKey), config);
    }

    [GeneratedRegex("^AWS4-HMAC-SHA256 Credential=(?<credential>[^,]+), SignedHeaders=(?<signed>[a-z0-9;-]+), Signature=(?<signature>[0-9a-f]{64})$")]
    private static partial Regex AuthorizationPattern();
}
