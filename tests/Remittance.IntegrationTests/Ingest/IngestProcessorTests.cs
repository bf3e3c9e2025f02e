using Remittance.Local.Faults;
using System.Net;
using System.Text.Json.Nodes;
using Amazon.DynamoDBv2;
using Remittance.Domain;
using Remittance.IntegrationTests.Infrastructure;
using Remittance.Pipeline.Ingest;
using Remittance.Pipeline.Schema;
using Remittance.Pipeline.Storage;

namespace Remittance.IntegrationTests.Ingest;

[Collection(DynamoDbLocalCollection.Name)]
public sealed class IngestProcessorTests(DynamoDbLocalFixture fixture)
{
    private static Task<IReadOnlyList<IngestResult>> Ingest(PipelineHarness harness, params (string Id, string? Body)[] messages) =>
        harness.Services.CreateIngestProcessor().ProcessAsync([.. messages.Select(m => new IngestMessage(m.Id, m.Body))], CancellationToken.None);

    [Fact]
    public async Task Ingest_WhenValidMessageArrives_WritesReceivedItemWithPregeneratedExecutionName()
    {
        using var harness = await PipelineHarness.CreateAsync(fixture, nameof(Ingest_WhenValidMessageArrives_WritesReceivedItemWithPregeneratedExecutionName));

        var results = await Ingest(harness, ("m-1", Messages.Body("req-1")));

        Assert.Equal(IngestOutcome.Accepted, Assert.Single(results).Outcome);
        var item = await harness.GetItemAsync("req-1");
        Assert.NotNull(item);
        Assert.Equal("RECEIVED", item[ItemAttributes.Status].S);
        Assert.Equal("1", item[ItemAttributes.VersionId].N);
        Assert.Equal("1", item[ItemAttributes.Attempt].N);
        Assert.Equal(ExecutionName.For("req-1", 1), item[ItemAttributes.ExecutionName].S);
        Assert.Equal("1250.75", item[ItemAttributes.Message].M["amount"].S);
        Assert.EndsWith("Z", item[ItemAttributes.ReceivedAt].S);
        foreach (var index in RemittanceTableSchema.SparseIndexes)
        {
            Assert.False(item.ContainsKey(index.KeyAttribute), $"{index.KeyAttribute} must be absent on a new item");
        }
    }

    [Fact]
    public async Task Ingest_WhenSameMessageArrivesTwice_WritesOneItem()
    {
        using var harness = await PipelineHarness.CreateAsync(fixture, nameof(Ingest_WhenSameMessageArrivesTwice_WritesOneItem));
        var body = Messages.Body("req-dup");
        // Same payload, different whitespace and key order: still the same message.
        var reformatted = JsonNode.Parse(body)!.ToJsonString(new System.Text.Json.JsonSerializerOptions { WriteIndented = true });

        var first = await Ingest(harness, ("m-1", body));
        var second = await Ingest(harness, ("m-2", reformatted), ("m-3", body));

        Assert.Equal(IngestOutcome.Accepted, first.Single().Outcome);
        Assert.All(second, r => Assert.Equal(IngestOutcome.Duplicate, r.Outcome));
        var items = await harness.ScanAsync();
        var item = Assert.Single(items);
        Assert.Equal("1", item[ItemAttributes.VersionId].N);
    }

    [Fact]
    public async Task Ingest_WhenSameRequestIdArrivesWithDifferentPayload_KeepsOriginalAndRecordsConflict()
    {
        using var harness = await PipelineHarness.CreateAsync(fixture, nameof(Ingest_WhenSameRequestIdArrivesWithDifferentPayload_KeepsOriginalAndRecordsConflict));
        await Ingest(harness, ("m-1", Messages.Body("req-c")));

        var conflicting = Messages.Body("req-c", m => m["amount"] = "9999.99");
        var results = await Ingest(harness, ("m-2", conflicting));
        var redelivered = await Ingest(harness, ("m-2", conflicting), ("m-3", conflicting));

        var result = Assert.Single(results);
        Assert.Equal(IngestOutcome.Conflict, result.Outcome);
        Assert.Contains(result.Reasons, r => r.Code == "CONFLICTING_DUPLICATE");
        Assert.All(redelivered, r => Assert.Equal(IngestOutcome.Conflict, r.Outcome));
        var original = await harness.GetItemAsync("req-c");
        Assert.Equal("1250.75", original![ItemAttributes.Message].M["amount"].S);
        Assert.Equal("1", original[ItemAttributes.VersionId].N);
        var conflict = await harness.GetItemAsync(result.Key!);
        Assert.NotNull(conflict);
        Assert.StartsWith(RemittanceTableSchema.ConflictKeyPrefix, result.Key);
        Assert.Equal("CONFLICT", conflict[ItemAttributes.Status].S);
        Assert.Equal("req-c", conflict[ItemAttributes.ConflictsWith].S);
        Assert.Equal(original[ItemAttributes.PayloadHash].S, conflict[ItemAttributes.ExistingPayloadHash].S);
        Assert.NotEqual(original[ItemAttributes.PayloadHash].S, conflict[ItemAttributes.PayloadHash].S);
        // Counted once per SQS message, however often SQS redelivers it.
        Assert.Equal(["m-2", "m-3"], conflict[ItemAttributes.SqsMessageIds].SS.Order(StringComparer.Ordinal));
        Assert.Equal("9999.99", conflict[ItemAttributes.Message].M["amount"].S);
    }

    [Fact]
    public async Task Ingest_WhenBodyIsMalformed_RecordsRejectionKeyedByMessageId()
    {
        using var harness = await PipelineHarness.CreateAsync(fixture, nameof(Ingest_WhenBodyIsMalformed_RecordsRejectionKeyedByMessageId));

        var results = await Ingest(harness, ("m-bad", "{\"requestId\": \"x\", "), ("m-empty", ""));

        Assert.All(results, r => Assert.Equal(IngestOutcome.Rejected, r.Outcome));
        var malformed = await harness.GetItemAsync(RecordKeys.Rejection(null, "m-bad"));
        Assert.NotNull(malformed);
        Assert.Equal("REJECTED", malformed[ItemAttributes.Status].S);
        Assert.Equal("MALFORMED_JSON", malformed[ItemAttributes.Reasons].L[0].M["code"].S);
        Assert.Equal("{\"requestId\": \"x\", ", malformed[ItemAttributes.Body].S);
        var empty = await harness.GetItemAsync(RecordKeys.Rejection(null, "m-empty"));
        Assert.Equal("EMPTY_BODY", empty![ItemAttributes.Reasons].L[0].M["code"].S);
    }

    [Fact]
    public async Task Ingest_WhenFieldsAreInvalid_RecordsRejectionKeyedByRequestIdWithEveryReason()
    {
        using var harness = await PipelineHarness.CreateAsync(fixture, nameof(Ingest_WhenFieldsAreInvalid_RecordsRejectionKeyedByRequestIdWithEveryReason));
        var body = Messages.Body("req-bad", m =>
        {
            m["currency"] = "JPY";
            m["amount"] = "1500.50";
            m["payee"]!["country"] = "XX";
        });

        var result = (await Ingest(harness, ("m-1", body))).Single();

        Assert.Equal(IngestOutcome.Rejected, result.Outcome);
        Assert.Equal(RecordKeys.Rejection("req-bad", "m-1"), result.Key);
        var record = await harness.GetItemAsync(result.Key!);
        var codes = record![ItemAttributes.Reasons].L.Select(r => r.M["code"].S).ToList();
        Assert.Contains("TOO_MANY_FRACTION_DIGITS", codes);
        Assert.Contains("UNKNOWN_COUNTRY", codes);
        Assert.Equal("req-bad", record[ItemAttributes.RejectedRequestId].S);
        Assert.Null(await harness.GetItemAsync("req-bad"));
    }

    [Fact]
    public async Task Ingest_WhenCorrectedMessageFollowsRejection_AcceptsIt()
    {
        using var harness = await PipelineHarness.CreateAsync(fixture, nameof(Ingest_WhenCorrectedMessageFollowsRejection_AcceptsIt));
        await Ingest(harness, ("m-1", Messages.Body("req-fix", m => m["currency"] = "ZZZ")));

        var result = (await Ingest(harness, ("m-2", Messages.Body("req-fix")))).Single();

        Assert.Equal(IngestOutcome.Accepted, result.Outcome);
        Assert.NotNull(await harness.GetItemAsync("req-fix"));
        Assert.NotNull(await harness.GetItemAsync(RecordKeys.Rejection("req-fix", "m-1")));
    }

    [Fact]
    public async Task Ingest_WhenItemWouldLeaveNoRoomForTheWorkflowResult_IsRejectedThoughUnder400KB()
    {
        using var harness = await PipelineHarness.CreateAsync(fixture, nameof(Ingest_WhenItemWouldLeaveNoRoomForTheWorkflowResult_IsRejectedThoughUnder400KB));
        // An item of about 370 KB: DynamoDB would take it, but the envelope the workflow records on success would not fit.
        var body = Messages.Body("req-roomless", m => m["attachment"] = new string('x', 370 * 1024));

        var result = (await Ingest(harness, ("m-1", body))).Single();

        Assert.Equal(IngestOutcome.Rejected, result.Outcome);
        var reason = Assert.Single(result.Reasons);
        Assert.Equal("ITEM_TOO_LARGE", reason.Code);
        Assert.Contains(RemittanceTableSchema.MaxAcceptedItemBytes.ToString("N0", System.Globalization.CultureInfo.InvariantCulture), reason.Message, StringComparison.Ordinal);
        Assert.Null(await harness.GetItemAsync("req-roomless"));
    }

    [Fact]
    public async Task Ingest_WhenItemWouldExceed400KB_RecordsRejectionWithSizes()
    {
        using var harness = await PipelineHarness.CreateAsync(fixture, nameof(Ingest_WhenItemWouldExceed400KB_RecordsRejectionWithSizes));
        var body = Messages.Body("req-big", m => m["attachment"] = new string('x', 420 * 1024));

        var result = (await Ingest(harness, ("m-1", body))).Single();

        Assert.Equal(IngestOutcome.Rejected, result.Outcome);
        Assert.Equal("ITEM_TOO_LARGE", Assert.Single(result.Reasons).Code);
        var record = await harness.GetItemAsync(result.Key!);
        Assert.True(record![ItemAttributes.BodyTruncated].BOOL);
        Assert.Equal(System.Text.Encoding.UTF8.GetByteCount(body).ToString(System.Globalization.CultureInfo.InvariantCulture), record[ItemAttributes.BodyBytes].N);
        Assert.Null(await harness.GetItemAsync("req-big"));
    }

    [Fact]
    public async Task Ingest_WhenMessageHasUnknownFields_PreservesThemOnTheItem()
    {
        using var harness = await PipelineHarness.CreateAsync(fixture, nameof(Ingest_WhenMessageHasUnknownFields_PreservesThemOnTheItem));
        var body = Messages.Body("req-extra", m =>
        {
            m["memo"] = "quarterly";
            m["partnerMetadata"] = new JsonObject { ["batch"] = 42, ["tags"] = new JsonArray("a", "b"), ["urgent"] = true, ["none"] = null };
        });

        await Ingest(harness, ("m-1", body));

        var message = (await harness.GetItemAsync("req-extra"))![ItemAttributes.Message].M;
        Assert.Equal("quarterly", message["memo"].S);
        var metadata = message["partnerMetadata"].M;
        Assert.Equal("42", metadata["batch"].N);
        Assert.Equal(["a", "b"], metadata["tags"].L.Select(v => v.S));
        Assert.True(metadata["urgent"].BOOL);
        Assert.True(metadata["none"].NULL);
    }

    [Fact]
    public async Task Ingest_WhenDynamoDbThrottlesOneMessage_ReportsOnlyThatOneForRetry()
    {
        using var throttling = new FaultInjectingHttpHandler(
            (target, body) => target.EndsWith(".PutItem", StringComparison.Ordinal) && body.Contains("req-throttled", StringComparison.Ordinal),
            HttpStatusCode.BadRequest, "ProvisionedThroughputExceededException");
        using var client = new AmazonDynamoDBClient(new Amazon.Runtime.BasicAWSCredentials("local", "local"), new AmazonDynamoDBConfig
        {
            ServiceURL = fixture.ServiceUrl,
            AuthenticationRegion = "us-east-1",
            MaxErrorRetry = 1,
            HttpClientFactory = new HandlerHttpClientFactory(throttling),
        });
        using var harness = await PipelineHarness.CreateAsync(fixture, nameof(Ingest_WhenDynamoDbThrottlesOneMessage_ReportsOnlyThatOneForRetry), client);

        var results = await Ingest(harness,
            ("m-ok", Messages.Body("req-ok")),
            ("m-throttled", Messages.Body("req-throttled")),
            ("m-bad", "not json"));

        Assert.Equal(IngestOutcome.Accepted, results[0].Outcome);
        Assert.Equal(IngestOutcome.RetryLater, results[1].Outcome);
        Assert.Equal("TRANSIENT_FAILURE", results[1].Reasons.Single().Code);
        Assert.Equal(IngestOutcome.Rejected, results[2].Outcome);
        Assert.True(throttling.Injected >= 1);
        Assert.Null(await harness.GetItemAsync("req-throttled"));
    }

    [Fact]
    public async Task Ingest_WhenTableIsMissing_ReportsMessagesForRetryInsteadOfRejectingThem()
    {
        using var harness = await PipelineHarness.CreateAsync(fixture, nameof(Ingest_WhenTableIsMissing_ReportsMessagesForRetryInsteadOfRejectingThem));
        var processor = new IngestProcessor(
            Remittance.Pipeline.Contracts.PartnerMessageContract.Instance,
            new RemittanceRepository(fixture.Client, harness.TableName + "-missing", TimeProvider.System),
            new RemittanceItemFactory(TimeProvider.System), Remittance.Pipeline.Observability.JsonLog.Null);

        var results = await processor.ProcessAsync([new IngestMessage("m-1", Messages.Body("req-1")), new IngestMessage("m-2", "{")], CancellationToken.None);

        // Neither the valid message nor the invalid one is lost: both go back to the queue (then the DLQ).
        Assert.All(results, r => Assert.Equal(IngestOutcome.RetryLater, r.Outcome));
        Assert.All(results, r => Assert.Equal("UNEXPECTED_FAILURE", r.Reasons.Single().Code));
    }
}
