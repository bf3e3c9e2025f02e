using System.Text.Json;
using System.Text.Json.Nodes;
using Remittance.Aws.Lambda.DynamoDBEvents;
using Remittance.Aws.Lambda.Serialization;
using Remittance.Cdk.Tests.Support;
using Remittance.Domain;
using Remittance.Pipeline.Composition;
using Remittance.Pipeline.Schema;
using Remittance.Pipeline.Start;

namespace Remittance.Cdk.Tests;

/// <summary>How SQS and the table's stream invoke the ingest and stream functions.</summary>
[Collection(SynthCollection.Name)]
public sealed class EventSourceTests(SynthesizedApp app)
{
    private JsonObject Mapping(string service, FunctionName function)
    {
        var functionId = app.LogicalId(app.Service(service).Functions[function]);
        return Assert.Single(app.Main.Template.OfType("AWS::Lambda::EventSourceMapping"),
            m => Template.ReferencedId(m.Properties["FunctionName"]) == functionId).Properties;
    }

    [Theory]
    [MemberData(nameof(Services.Names), MemberType = typeof(Services))]
    public void IngestQueueSource_ReportsBatchItemFailures_InBatchesOfTen(string service)
    {
        var mapping = Mapping(service, FunctionName.Ingest);

        Assert.Equal(app.LogicalId(app.Service(service).IngestQueue), Template.ReferencedId(mapping["EventSourceArn"]));
        Assert.Equal(10, mapping["BatchSize"]!.GetValue<int>());
        Assert.InRange(mapping["MaximumBatchingWindowInSeconds"]!.GetValue<int>(), 0, 5);
        Assert.Equal(["ReportBatchItemFailures"], PolicyStatementJson.Strings(mapping["FunctionResponseTypes"]));
    }

    [Theory]
    [MemberData(nameof(Services.Names), MemberType = typeof(Services))]
    public void StreamSource_ReadsFromTrimHorizon_WithBisectBoundedRetriesAndAgeAndPartialFailures(string service)
    {
        var mapping = Mapping(service, FunctionName.Stream);

        Assert.Equal(app.LogicalId(app.Service(service).Table), Template.ReferencedId(mapping["EventSourceArn"]));
        Assert.Equal("StreamArn", mapping["EventSourceArn"]!["Fn::GetAtt"]![1]!.GetValue<string>());
        Assert.Equal("TRIM_HORIZON", mapping["StartingPosition"]!.GetValue<string>());
        Assert.Equal(100, mapping["BatchSize"]!.GetValue<int>());
        Assert.True(mapping["BisectBatchOnFunctionError"]!.GetValue<bool>());
        Assert.InRange(mapping["MaximumRetryAttempts"]!.GetValue<int>(), 1, 20);
        Assert.InRange(mapping["MaximumRecordAgeInSeconds"]!.GetValue<int>(), 60, 24 * 3600);
        Assert.Equal(["ReportBatchItemFailures"], PolicyStatementJson.Strings(mapping["FunctionResponseTypes"]));
    }

    [Theory]
    [MemberData(nameof(Services.Names), MemberType = typeof(Services))]
    public void StreamSource_HandsFailedBatchesToTheEncryptedFailureQueue(string service)
    {
        var pattern = app.Service(service);
        var mapping = Mapping(service, FunctionName.Stream);

        var destination = Template.ReferencedId(mapping["DestinationConfig"]!["OnFailure"]!["Destination"]);
        Assert.Equal(app.LogicalId(pattern.StreamFailureQueue), destination);
        Assert.Equal(app.LogicalId(pattern.Key), Template.ReferencedId(app.Main.Template[destination!].Properties["KmsMasterKeyId"]));
    }

    private JsonNode StreamFilterPattern(string service)
    {
        var filters = Mapping(service, FunctionName.Stream)["FilterCriteria"]!["Filters"]!.AsArray();
        return JsonNode.Parse(Assert.Single(filters)!["Pattern"]!.GetValue<string>())!;
    }

    [Theory]
    [MemberData(nameof(Services.Names), MemberType = typeof(Services))]
    public void StreamSource_InvokesOnlyForInsertsOfReceivedItems(string service)
    {
        var pattern = StreamFilterPattern(service);

        Assert.True(JsonNode.DeepEquals(StartProcessor.Filter.ToPattern(), pattern), pattern.ToJsonString());
        Assert.Equal("""{"eventName":["INSERT"],"dynamodb":{"NewImage":{"status":{"S":["RECEIVED"]}}}}""", pattern.ToJsonString());
    }

    public static TheoryData<string, string, string?> StreamRecords => new()
    {
        { "enrichment", "INSERT", "RECEIVED" },
        { "enrichment", "MODIFY", "RECEIVED" },
        { "enrichment", "MODIFY", "RUNNING" },
        { "enrichment", "REMOVE", "ENRICHED" },
        { "enrichment", "INSERT", "REJECTED" },
        { "enrichment", "INSERT", "CONFLICT" },
        { "enrichment", "INSERT", null },
        { "notification", "INSERT", "RECEIVED" },
        { "notification", "MODIFY", "NOTIFIED" },
    };

    /// <summary>The filter Lambda applies before invoking and the stream function's own test of a record never disagree.</summary>
    [Theory]
    [MemberData(nameof(StreamRecords))]
    public void StreamSource_FilterAndTheStreamFunction_AgreeOnWhichRecordsAreOwned(string service, string eventName, string? status)
    {
        var image = new JsonObject
        {
            [ItemAttributes.RequestId] = new JsonObject { ["S"] = "r-1" },
            [ItemAttributes.ExecutionName] = new JsonObject { ["S"] = ExecutionName.For("r-1", 1) },
            [ItemAttributes.VersionId] = new JsonObject { ["N"] = "1" },
        };
        if (status is not null)
        {
            image[ItemAttributes.Status] = new JsonObject { ["S"] = status };
        }

        var record = new JsonObject { ["eventName"] = eventName, ["dynamodb"] = new JsonObject { ["SequenceNumber"] = "1", ["NewImage"] = image } };
        var streamEvent = JsonSerializer.Deserialize(new JsonObject { ["Records"] = new JsonArray(record) }, AwsEventsJsonContext.Default.DynamoDBEvent)!;
        var received = Assert.Single(streamEvent.Records);

        var deployed = EventPattern.Matches(StreamFilterPattern(service), record);
        var owned = StartProcessor.Owned(new StreamChange(received.EventName!, "1", received.Dynamodb.NewImage?.ToJsonObject())) is not null;

        Assert.Equal(deployed, owned);
        Assert.Equal(eventName == "INSERT" && status == "RECEIVED", deployed);
    }

    [Fact]
    public void OnlyTheIngestAndStreamFunctions_HaveEventSourceMappings()
    {
        var mapped = app.Main.Template.OfType("AWS::Lambda::EventSourceMapping").Select(m => Template.ReferencedId(m.Properties["FunctionName"])).Order();
        var expected = new[] { "enrichment", "notification" }
            .SelectMany(s => new[] { FunctionName.Ingest, FunctionName.Stream }.Select(f => app.LogicalId(app.Service(s).Functions[f])))
            .Order();

        Assert.Equal(expected, mapped);
    }
}
