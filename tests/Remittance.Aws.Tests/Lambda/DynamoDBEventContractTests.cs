using System.Text.Json;
using System.Text.Json.Nodes;
using Remittance.Aws.Lambda.DynamoDBEvents;
using Remittance.Aws.Lambda.Serialization;
using Remittance.Aws.Tests.Support;

namespace Remittance.Aws.Tests.Lambda;

public sealed class DynamoDBEventContractTests
{
    private static DynamoDBEvent Sample() =>
        JsonSerializer.Deserialize(Samples.Read("dynamodb-stream-insert.json"), AwsEventsJsonContext.Default.DynamoDBEvent)!;

    [Fact]
    public void DynamoDBEvent_FromSample_ReadsInsertModifyAndRemove()
    {
        var records = Sample().Records;

        Assert.Equal(["INSERT", "MODIFY", "REMOVE"], records.Select(r => r.EventName));
        var insert = records[0];
        Assert.Equal("c81e728d9d4c2f636f067f89cc14862c", insert.EventID);
        Assert.Equal("1.1", insert.EventVersion);
        Assert.Equal("aws:dynamodb", insert.EventSource);
        Assert.Equal("us-east-1", insert.AwsRegion);
        Assert.Equal("arn:aws:dynamodb:us-east-1:123456789012:table/remittances/stream/2026-11-20T08:00:00.000", insert.EventSourceArn);
        Assert.Null(insert.UserIdentity);
        Assert.Equal("4421584500000000017450439091", insert.Dynamodb.SequenceNumber);
        Assert.Equal(612, insert.Dynamodb.SizeBytes);
        Assert.Equal("NEW_AND_OLD_IMAGES", insert.Dynamodb.StreamViewType);
        Assert.Equal("acme-bank-2026-11-21-000001", insert.Dynamodb.Keys["requestId"].S);
        Assert.Null(insert.Dynamodb.OldImage);

        var image = insert.Dynamodb.NewImage!;
        Assert.Equal("RECEIVED", image["status"].S);
        Assert.Equal("1", image["versionId"].N);
        Assert.Equal("1", image["attempt"].N);
        Assert.Equal("acme-bank-2026-11-21-000001-q4t7m2kx9b3vz6np5hwc-1", image["executionName"].S);
        var message = image["message"].M!;
        Assert.Equal("1250.00", message["amount"].S);
        Assert.Equal("US", message["payee"].M!["country"].S);
        Assert.Equal(["INV-2026-0042", "INV-2026-0043"], message["invoiceIds"].L!.Select(v => v.S));

        Assert.Equal("RECEIVED", records[1].Dynamodb.OldImage!["status"].S);
        Assert.Equal("RUNNING", records[1].Dynamodb.NewImage!["status"].S);
    }

    [Fact]
    public void DynamoDBEvent_ApproximateCreationDateTime_KeepsFractionalEpochSeconds()
    {
        var records = Sample().Records;

        Assert.Equal(new DateTime(2026, 11, 21, 10, 15, 3, 412, DateTimeKind.Utc), records[0].Dynamodb.ApproximateCreationDateTime);
        Assert.Equal(DateTimeKind.Utc, records[0].Dynamodb.ApproximateCreationDateTime.Kind);
        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(1795256104).UtcDateTime, records[1].Dynamodb.ApproximateCreationDateTime);
    }

    [Fact]
    public void DynamoDBEvent_TimeToLiveRemove_CarriesServiceIdentityAndEveryAttributeKind()
    {
        var remove = Sample().Records[2];

        Assert.Equal("Service", remove.UserIdentity!.Type);
        Assert.Equal("dynamodb.amazonaws.com", remove.UserIdentity.PrincipalId);
        Assert.Null(remove.Dynamodb.NewImage);
        var old = remove.Dynamodb.OldImage!;
        Assert.Equal(["1250.00", "-3.5", "1e3"], old["invoiceTotals"].NS);
        Assert.Equal(["ach", "business"], old["tags"].SS);
        Assert.Equal(new byte[] { 0xde, 0xad, 0xbe, 0xef }, old["digest"].B!.ToArray());
        Assert.Equal([new byte[] { 0, 1 }, [0xff]], old["chunks"].BS!.Select(b => b.ToArray()));
        Assert.True(old["archived"].BOOL);
        Assert.True(old["lastError"].NULL);
    }

    [Fact]
    public void DynamoDBEvent_RoundTrip_ReproducesTheSample()
    {
        var sample = Samples.Read("dynamodb-stream-insert.json");

        var written = JsonSerializer.Serialize(Sample(), AwsEventsJsonContext.Default.DynamoDBEvent);

        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(sample), JsonNode.Parse(written)), written);
    }

    [Fact]
    public void ToJsonObject_OnNewImage_GivesPlainJsonWithRawNumbers()
    {
        var image = Sample().Records[0].Dynamodb.NewImage!;

        var json = image.ToJsonObject();

        Assert.Equal("RECEIVED", json["status"]!.GetValue<string>());
        Assert.Equal("1", json["versionId"]!.ToJsonString());
        Assert.Equal(JsonValueKind.Number, json["attempt"]!.GetValueKind());
        Assert.Equal("""{"id":"payee-7f3a","type":"BUSINESS","country":"US","locale":"en-US"}""", json["message"]!["payee"]!.ToJsonString());
        Assert.Equal("""["INV-2026-0042","INV-2026-0043"]""", json["message"]!["invoiceIds"]!.ToJsonString());
    }

    [Fact]
    public void ToJsonObject_OnSetsBinariesAndNull_GivesArraysBase64AndNull()
    {
        var old = Sample().Records[2].Dynamodb.OldImage!;

        var json = old.ToJsonObject();

        Assert.Equal("[1250.00,-3.5,1e3]", json["invoiceTotals"]!.ToJsonString());
        Assert.Equal("""["ach","business"]""", json["tags"]!.ToJsonString());
        Assert.Equal("3q2+7w==", json["digest"]!.GetValue<string>());
        Assert.Equal("""["AAE=","/w=="]""", json["chunks"]!.ToJsonString());
        Assert.True(json["archived"]!.GetValue<bool>());
        Assert.True(json.ContainsKey("lastError"));
        Assert.Null(json["lastError"]);
    }

    [Fact]
    public void ToJsonNode_WhenNumberHasMoreDigitsThanDecimal_KeepsThemAll()
    {
        var value = new DynamoDBEvent.AttributeValue { N = "12345678901234567890123456789012345678" };

        Assert.Equal("12345678901234567890123456789012345678", value.ToJsonNode()!.ToJsonString());
    }

    [Fact]
    public void ToJsonNode_WhenNoMemberIsSet_Throws()
    {
        Assert.Throws<ArgumentException>(() => new DynamoDBEvent.AttributeValue().ToJsonNode());
    }

    [Fact]
    public void StreamsEventResponse_Serialize_WritesSequenceNumbersAsItemIdentifiers()
    {
        var response = new StreamsEventResponse([new StreamsEventResponse.BatchItemFailure { ItemIdentifier = "4421584600000000017450439453" }]);

        var json = JsonSerializer.Serialize(response, AwsEventsJsonContext.Default.StreamsEventResponse);

        Assert.Equal("""{"batchItemFailures":[{"itemIdentifier":"4421584600000000017450439453"}]}""", json);
    }
}
