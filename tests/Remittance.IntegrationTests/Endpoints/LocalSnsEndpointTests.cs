using System.Net;
using System.Text;
using System.Xml.Linq;
using Remittance.Aws.SimpleNotificationService;
using Remittance.Local.Endpoints;

namespace Remittance.IntegrationTests.Endpoints;

/// <summary>
/// The local SNS endpoint between the real client (as the Lambda binary uses it) and an in-process backend: topic and
/// message arrive exactly as published, and the backend's answer or error comes back as the client would get it from AWS.
/// </summary>
public sealed class LocalSnsEndpointTests
{
    private const string TopicArn = "arn:aws:sns:us-east-1:123456789012:remittance-prod-enrichment-Enriched";
    private static readonly TimeSpan s_bound = EndpointClients.Bound;

    [Theory]
    [InlineData("""{"eventId":"e-1","data":{"amount":"10.00"}}""")]
    [InlineData("spaces and + plus & ampersand = equals ; % percent %41 ?x=1#frag")]
    [InlineData("Zahlung über 1.234,50 € für Müller — 支付 🙂 ﷽")]
    [InlineData("line\nbreak\r\n\ttab \"quotes\" <xml attr='1'/> ]]> &amp;")]
    [InlineData("")]
    public async Task Publish_ThroughTheEndpoint_DeliversTopicAndMessageExactly_AndReturnsTheMessageId(string message)
    {
        var backend = new FakeSnsBackend { OnPublish = _ => new PublishResponse { MessageId = "567910cd-659e-55d4-8ccb-5aaf14679dc0" } };
        await using var endpoint = LocalSnsEndpoint.Start(backend);
        using var client = EndpointClients.Sns(endpoint);

        var response = await client.PublishAsync(new PublishRequest { TopicArn = TopicArn, Message = message, Subject = "Remittance advice — März" })
            .WaitAsync(s_bound);

        var arrived = Assert.Single(backend.Published);
        Assert.Equal(TopicArn, arrived.TopicArn);
        Assert.Equal(Encoding.UTF8.GetBytes(message), Encoding.UTF8.GetBytes(arrived.Message!));
        Assert.Equal("Remittance advice — März", arrived.Subject);
        Assert.Equal("567910cd-659e-55d4-8ccb-5aaf14679dc0", response.MessageId);
    }

    [Fact]
    public async Task Publish_OfA200KilobyteMessage_ArrivesByteForByte()
    {
        var backend = new FakeSnsBackend();
        await using var endpoint = LocalSnsEndpoint.Start(backend);
        using var client = EndpointClients.Sns(endpoint);
        var unit = """{"payee":"Müller","amount":"1234.50","note":"支付 🙂 & = + %"}""" + "\n";
        var message = new StringBuilder().Insert(0, unit, 200 * 1024 / Encoding.UTF8.GetByteCount(unit) + 1).ToString();

        var response = await client.PublishAsync(new PublishRequest { TopicArn = TopicArn, Message = message }).WaitAsync(s_bound);

        var arrived = Assert.Single(backend.Published);
        Assert.True(Encoding.UTF8.GetByteCount(message) > 200 * 1024);
        Assert.Equal(Encoding.UTF8.GetBytes(message), Encoding.UTF8.GetBytes(arrived.Message!));
        Assert.Null(arrived.Subject);
        Assert.False(string.IsNullOrEmpty(response.MessageId));
    }

    [Fact]
    public async Task Publish_WhenTheBackendAnswersAnSnsError_RaisesItWithItsCodeStatusAndRequestId()
    {
        var backend = new FakeSnsBackend
        {
            OnPublish = _ => throw new AmazonSimpleNotificationServiceException("Topic does not exist", null, "NotFound", "req-sns-1", HttpStatusCode.NotFound),
        };
        await using var endpoint = LocalSnsEndpoint.Start(backend);
        using var client = EndpointClients.Sns(endpoint);

        var failure = await Assert.ThrowsAsync<AmazonSimpleNotificationServiceException>(() =>
            client.PublishAsync(new PublishRequest { TopicArn = TopicArn, Message = "m" }).WaitAsync(s_bound));

        Assert.Equal("NotFound", failure.ErrorCode);
        Assert.Equal("Topic does not exist", failure.Message);
        Assert.Equal(HttpStatusCode.NotFound, failure.StatusCode);
        Assert.Equal("req-sns-1", failure.RequestId);
        Assert.Single(backend.Published);
    }

    [Fact]
    public async Task Publish_WhenTheBackendIsThrottledOnce_IsRetriedByTheClientAndSucceeds()
    {
        var calls = 0;
        var backend = new FakeSnsBackend
        {
            OnPublish = _ => Interlocked.Increment(ref calls) == 1
                ? throw new AmazonSimpleNotificationServiceException("Rate exceeded", null, "Throttled", null, HttpStatusCode.BadRequest)
                : new PublishResponse { MessageId = "after-throttle" },
        };
        await using var endpoint = LocalSnsEndpoint.Start(backend);
        using var client = EndpointClients.Sns(endpoint);

        var response = await client.PublishAsync(new PublishRequest { TopicArn = TopicArn, Message = "m" }).WaitAsync(s_bound);

        Assert.Equal("after-throttle", response.MessageId);
        Assert.Equal(2, backend.Published.Count);
    }

    [Fact]
    public async Task Publish_WhenTheBackendFailsUnexpectedly_AnswersA500WithTheFailure()
    {
        var backend = new FakeSnsBackend { OnPublish = _ => throw new InvalidOperationException("outbox disk full") };
        await using var endpoint = LocalSnsEndpoint.Start(backend);
        using var client = EndpointClients.Sns(endpoint, maxErrorRetry: 0);

        var failure = await Assert.ThrowsAsync<AmazonSimpleNotificationServiceException>(() =>
            client.PublishAsync(new PublishRequest { TopicArn = TopicArn, Message = "m" }).WaitAsync(s_bound));

        Assert.Equal(HttpStatusCode.InternalServerError, failure.StatusCode);
        Assert.Equal("InternalError", failure.ErrorCode);
        Assert.Contains("outbox disk full", failure.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Action=Subscribe&Version=2010-03-31&TopicArn=arn&Protocol=email", "InvalidAction")]
    [InlineData("Version=2010-03-31&TopicArn=arn&Message=m", "InvalidAction")]
    [InlineData("Action=Publish&Version=2010-03-31&Message=m", "InvalidParameter")]
    [InlineData("Action=Publish&Version=2010-03-31&TopicArn=arn&Message=m&MessageGroupId=g-1", "InvalidParameter")]
    [InlineData("Action=Publish&Version=2010-03-31&TopicArn=arn&Message=m&Message=again", "MalformedQueryString")]
    public async Task Endpoint_WhenTheFormIsNotAPublishItServes_AnswersAnErrorResponseWithoutCallingTheBackend(string form, string expectedCode)
    {
        var backend = new FakeSnsBackend();
        await using var endpoint = LocalSnsEndpoint.Start(backend);
        using var http = new HttpClient();

        using var response = await http.PostAsync(endpoint.ServiceUrl + "/",
            new StringContent(form, Encoding.UTF8, "application/x-www-form-urlencoded")).WaitAsync(s_bound);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var root = XDocument.Parse(await response.Content.ReadAsStringAsync()).Root!;
        Assert.Equal("ErrorResponse", root.Name.LocalName);
        var error = root.Elements().Single(e => e.Name.LocalName == "Error");
        Assert.Equal(expectedCode, error.Elements().Single(e => e.Name.LocalName == "Code").Value);
        Assert.Equal("Sender", error.Elements().Single(e => e.Name.LocalName == "Type").Value);
        Assert.Empty(backend.Published);
    }
}
