using System.Text.Json;
using System.Text.Json.Nodes;
using Remittance.Aws.Lambda.Serialization;
using Remittance.Aws.Lambda.SQSEvents;
using Remittance.Aws.Tests.Support;

namespace Remittance.Aws.Tests.Lambda;

public sealed class SqsEventContractTests
{
    [Fact]
    public void SqsEvent_FromSample_ReadsEveryMessageField()
    {
        var sqsEvent = JsonSerializer.Deserialize(Samples.Read("sqs-ingest-batch.json"), AwsEventsJsonContext.Default.SQSEvent)!;

        Assert.Equal(3, sqsEvent.Records.Count);
        var first = sqsEvent.Records[0];
        Assert.Equal("6f1d2c0a-3b7e-4d5f-9a41-2c8e7b1f0a01", first.MessageId);
        Assert.StartsWith("AQEB", first.ReceiptHandle);
        Assert.StartsWith("{\"schemaVersion\":\"1\",\"requestId\":\"acme-bank-2026-11-21-000001\"", first.Body);
        Assert.Equal("8b843f3098c0ec45aa3fecc706e95d92", first.Md5OfBody);
        Assert.Equal("aws:sqs", first.EventSource);
        Assert.Equal("arn:aws:sqs:us-east-1:123456789012:remittance-ingest", first.EventSourceArn);
        Assert.Equal("us-east-1", first.AwsRegion);
        Assert.Equal("1", first.Attributes["ApproximateReceiveCount"]);
        Assert.Equal("1795256100000", first.Attributes["SentTimestamp"]);
        Assert.Equal("AROAEXAMPLEPARTNER:acme-bank-ingest", first.Attributes["SenderId"]);
        Assert.Equal("1795256100050", first.Attributes["ApproximateFirstReceiveTimestamp"]);
        Assert.StartsWith("Root=1-", first.Attributes["AWSTraceHeader"]);
        Assert.Equal("acme-bank", first.MessageAttributes["partnerId"].StringValue);
        Assert.Equal("String", first.MessageAttributes["partnerId"].DataType);
        Assert.Equal("3", sqsEvent.Records[2].Attributes["ApproximateReceiveCount"]);

        var binary = sqsEvent.Records[1].MessageAttributes["signature"];
        Assert.Equal("Binary", binary.DataType);
        Assert.Equal("signed-by-acme"u8.ToArray(), binary.BinaryValue!.ToArray());
    }

    [Fact]
    public void SqsEvent_RoundTrip_ReproducesTheSample()
    {
        var sample = Samples.Read("sqs-ingest-batch.json");
        var sqsEvent = JsonSerializer.Deserialize(sample, AwsEventsJsonContext.Default.SQSEvent)!;

        var written = JsonSerializer.Serialize(sqsEvent, AwsEventsJsonContext.Default.SQSEvent);

        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(sample), JsonNode.Parse(written)), written);
    }

    [Fact]
    public void SqsBatchResponse_Serialize_WritesReportBatchItemFailuresShape()
    {
        var response = new SQSBatchResponse(
        [
            new SQSBatchResponse.BatchItemFailure { ItemIdentifier = "b2e4a8c1-59d3-4f6e-8c20-7a1d3e5f9b02" },
            new SQSBatchResponse.BatchItemFailure { ItemIdentifier = "d9c3f1e7-0a4b-4c8d-b6e2-5f7a9c1e3d03" },
        ]);

        var json = JsonSerializer.Serialize(response, AwsEventsJsonContext.Default.SQSBatchResponse);

        Assert.Equal(
            """{"batchItemFailures":[{"itemIdentifier":"b2e4a8c1-59d3-4f6e-8c20-7a1d3e5f9b02"},{"itemIdentifier":"d9c3f1e7-0a4b-4c8d-b6e2-5f7a9c1e3d03"}]}""",
            json);
    }

    [Fact]
    public void SqsBatchResponse_WhenNothingFailed_WritesAnEmptyList()
    {
        var json = JsonSerializer.Serialize(new SQSBatchResponse(), AwsEventsJsonContext.Default.SQSBatchResponse);

        Assert.Equal("""{"batchItemFailures":[]}""", json);
    }
}
