using System.Net;
using System.Text.RegularExpressions;
using Amazon.Runtime;
using Remittance.Aws.Lambda.DynamoDBEvents;
using Remittance.Local.Streams.Client;

namespace Remittance.IntegrationTests.Streams;

public sealed partial class DynamoDBStreamsClientTests
{
    private const string SecretKey = "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY";
    private const string StreamArn = "arn:aws:dynamodb:us-east-1:123456789012:table/remittances/stream/2026-11-20T08:00:00.000";
    private static readonly TimeSpan s_bound = TimeSpan.FromSeconds(15);

    [Fact]
    public async Task GetRecords_ReadsRecordsInTheLambdaEventShape()
    {
        var handler = new CapturingHandler().Respond(HttpStatusCode.OK, """
            {"NextShardIterator":"iterator-2","Records":[
              {"awsRegion":"us-east-1","eventID":"e1","eventName":"INSERT","eventSource":"aws:dynamodb","eventVersion":"1.1",
               "dynamodb":{"ApproximateCreationDateTime":1795256103.412,"Keys":{"requestId":{"S":"acme-1"}},
                 "NewImage":{"requestId":{"S":"acme-1"},"status":{"S":"RECEIVED"},"versionId":{"N":"1"}},
                 "SequenceNumber":"100","SizeBytes":42,"StreamViewType":"NEW_AND_OLD_IMAGES"}},
              {"awsRegion":"us-east-1","eventID":"e2","eventName":"REMOVE","eventSource":"aws:dynamodb","eventVersion":"1.1",
               "dynamodb":{"ApproximateCreationDateTime":1797848104,"Keys":{"requestId":{"S":"acme-0"}},"SequenceNumber":"101","SizeBytes":20,
                 "StreamViewType":"NEW_AND_OLD_IMAGES"},
               "userIdentity":{"PrincipalId":"dynamodb.amazonaws.com","Type":"Service"}}]}
            """);
        using var client = Client(handler);

        var response = await client.GetRecordsAsync(new GetRecordsRequest { ShardIterator = "iterator-1", Limit = 100 }).WaitAsync(s_bound);

        var request = Assert.Single(handler.Requests);
        Assert.Equal(new Uri("https://streams.dynamodb.us-east-1.amazonaws.com/"), request.Uri);
        Assert.Equal("DynamoDBStreams_20120810.GetRecords", request.Header("X-Amz-Target"));
        Assert.Equal("""{"ShardIterator":"iterator-1","Limit":100}""", request.BodyText);
        Assert.Equal("iterator-2", response.NextShardIterator);
        Assert.Equal(["INSERT", "REMOVE"], response.Records.Select(r => r.EventName));
        DynamoDBEvent.DynamodbStreamRecord insert = response.Records[0];
        Assert.Equal("RECEIVED", insert.Dynamodb.NewImage!["status"].S);
        Assert.Equal("""{"requestId":"acme-1","status":"RECEIVED","versionId":1}""", insert.Dynamodb.NewImage.ToJson());
        Assert.Equal(new DateTime(2026, 11, 21, 10, 15, 3, 412, DateTimeKind.Utc), insert.Dynamodb.ApproximateCreationDateTime);
        Assert.Equal("100", insert.Dynamodb.SequenceNumber);
        Assert.Equal("Service", response.Records[1].UserIdentity!.Type);
        Assert.Equal("dynamodb.amazonaws.com", response.Records[1].UserIdentity!.PrincipalId);
    }

    [Fact]
    public async Task GetRecords_Signature_IsForTheDynamoDBSigningName()
    {
        var handler = new CapturingHandler().Respond(HttpStatusCode.OK, """{"Records":[]}""");
        using var client = Client(handler);

        await client.GetRecordsAsync(new GetRecordsRequest { ShardIterator = "iterator-1" }).WaitAsync(s_bound);

        var request = Assert.Single(handler.Requests);
        var authorization = AuthorizationPattern().Match(request.Header("Authorization")!);
        Assert.Equal("AKIDEXAMPLE/20261121/us-east-1/dynamodb/aws4_request", authorization.Groups["credential"].Value);
        Assert.Equal(
            IndependentSigV4.Signature(request, authorization.Groups["signed"].Value, SecretKey, "us-east-1", "dynamodb"),
            authorization.Groups["signature"].Value);
    }

    [Fact]
    public async Task DescribeStream_ReadsShardsAndThePagingKey()
    {
        var handler = new CapturingHandler().Respond(HttpStatusCode.OK, $$$"""
            {"StreamDescription":{"StreamArn":"{{{StreamArn}}}","StreamLabel":"2026-11-20T08:00:00.000","StreamStatus":"ENABLED",
              "StreamViewType":"NEW_AND_OLD_IMAGES","CreationRequestDateTime":1795248000.5,"TableName":"remittances",
              "KeySchema":[{"AttributeName":"requestId","KeyType":"HASH"}],
              "Shards":[{"ShardId":"shardId-1","SequenceNumberRange":{"StartingSequenceNumber":"100","EndingSequenceNumber":"199"}},
                        {"ShardId":"shardId-2","ParentShardId":"shardId-1","SequenceNumberRange":{"StartingSequenceNumber":"200"}}],
              "LastEvaluatedShardId":"shardId-2"}}
            """);
        using var client = Client(handler);

        var response = await client.DescribeStreamAsync(new DescribeStreamRequest { StreamArn = StreamArn, ExclusiveStartShardId = "shardId-0", Limit = 2 })
            .WaitAsync(s_bound);

        Assert.Equal($$"""{"StreamArn":"{{StreamArn}}","ExclusiveStartShardId":"shardId-0","Limit":2}""", handler.Requests[0].BodyText);
        var description = response.StreamDescription;
        Assert.Equal(StreamStatus.ENABLED, description.StreamStatus);
        Assert.Equal("NEW_AND_OLD_IMAGES", description.StreamViewType);
        Assert.Equal(new DateTime(2026, 11, 21, 8, 0, 0, 500, DateTimeKind.Utc), description.CreationRequestDateTime);
        Assert.Equal("requestId", Assert.Single(description.KeySchema).AttributeName);
        Assert.Equal(["shardId-1", "shardId-2"], description.Shards.Select(s => s.ShardId));
        Assert.Equal("199", description.Shards[0].SequenceNumberRange!.EndingSequenceNumber);
        Assert.Equal("shardId-1", description.Shards[1].ParentShardId);
        Assert.Null(description.Shards[1].SequenceNumberRange!.EndingSequenceNumber);
        Assert.Equal("shardId-2", description.LastEvaluatedShardId);
    }

    [Fact]
    public async Task GetShardIterator_SendsTheIteratorTypeAndSequenceNumber()
    {
        var handler = new CapturingHandler().Respond(HttpStatusCode.OK, """{"ShardIterator":"iterator-1"}""");
        using var client = Client(handler);

        var response = await client.GetShardIteratorAsync(new GetShardIteratorRequest
        {
            StreamArn = StreamArn,
            ShardId = "shardId-1",
            ShardIteratorType = ShardIteratorType.AFTER_SEQUENCE_NUMBER,
            SequenceNumber = "150",
        }).WaitAsync(s_bound);

        Assert.Equal(
            $$"""{"StreamArn":"{{StreamArn}}","ShardId":"shardId-1","ShardIteratorType":"AFTER_SEQUENCE_NUMBER","SequenceNumber":"150"}""",
            handler.Requests[0].BodyText);
        Assert.Equal("iterator-1", response.ShardIterator);
    }

    [Fact]
    public async Task ListStreams_ReadsStreamsOfTheTable()
    {
        var handler = new CapturingHandler().Respond(HttpStatusCode.OK,
            $$"""{"Streams":[{"StreamArn":"{{StreamArn}}","StreamLabel":"2026-11-20T08:00:00.000","TableName":"remittances"}]}""");
        using var client = Client(handler);

        var response = await client.ListStreamsAsync(new ListStreamsRequest { TableName = "remittances" }).WaitAsync(s_bound);

        Assert.Equal("""{"TableName":"remittances"}""", handler.Requests[0].BodyText);
        Assert.Equal(StreamArn, Assert.Single(response.Streams).StreamArn);
        Assert.Null(response.LastEvaluatedStreamArn);
    }

    [Fact]
    public async Task GetRecords_WhenTheIteratorExpired_ThrowsWithoutRetrying()
    {
        var handler = new CapturingHandler().Respond(HttpStatusCode.BadRequest,
            """{"__type":"com.amazonaws.dynamodb.v20120810#ExpiredIteratorException","message":"Iterator expired"}""");
        using var client = Client(handler);

        var failure = await Assert.ThrowsAsync<ExpiredIteratorException>(() =>
            client.GetRecordsAsync(new GetRecordsRequest { ShardIterator = "old" }).WaitAsync(s_bound));

        Assert.Equal("ExpiredIteratorException", failure.ErrorCode);
        Assert.Single(handler.Requests);
    }

    [Fact]
    public async Task GetRecords_WhenTooManyReaders_RetriesAsThrottling()
    {
        var handler = new CapturingHandler()
            .Respond(HttpStatusCode.BadRequest, """{"__type":"com.amazonaws.dynamodb.v20120810#LimitExceededException","message":"Too many"}""")
            .Respond(HttpStatusCode.OK, """{"Records":[],"NextShardIterator":"next"}""");
        using var client = Client(handler);

        var response = await client.GetRecordsAsync(new GetRecordsRequest { ShardIterator = "it" }).WaitAsync(s_bound);

        Assert.Equal("next", response.NextShardIterator);
        Assert.Equal(2, handler.Requests.Count);
    }

    [Theory]
    [InlineData("TrimmedDataAccessException", typeof(TrimmedDataAccessException))]
    [InlineData("ResourceNotFoundException", typeof(ResourceNotFoundException))]
    [InlineData("ValidationException", typeof(AmazonDynamoDBStreamsException))]
    public async Task ErrorResponse_MapsEachCodeToItsException(string code, Type expected)
    {
        var handler = new CapturingHandler().Respond(HttpStatusCode.BadRequest, $$"""{"__type":"com.amazonaws.dynamodb.v20120810#{{code}}","Message":"no"}""");
        using var client = Client(handler);

        var failure = await Assert.ThrowsAnyAsync<AmazonDynamoDBStreamsException>(() =>
            client.GetRecordsAsync(new GetRecordsRequest { ShardIterator = "it" }).WaitAsync(s_bound));

        Assert.IsType(expected, failure);
        Assert.Equal("no", failure.Message);
    }

    [Fact]
    public void Endpoint_WithServiceUrl_IsDynamoDBLocalItself()
    {
        using var client = new AmazonDynamoDBStreamsClient(new BasicAWSCredentials("local", "local"),
            new AmazonDynamoDBStreamsConfig { ServiceURL = "http://127.0.0.1:8000" });

        Assert.Equal(new Uri("http://127.0.0.1:8000/"), client.Endpoint);
    }

    private static AmazonDynamoDBStreamsClient Client(CapturingHandler handler) =>
        new(new BasicAWSCredentials("AKIDEXAMPLE", SecretKey), new AmazonDynamoDBStreamsConfig
        {
            Region = "us-east-1",
            HttpMessageHandler = handler,
            TimeProvider = new FixedTimeProvider(new DateTimeOffset(2026, 11, 21, 10, 15, 30, TimeSpan.Zero)),
            RetryBaseDelay = TimeSpan.FromMilliseconds(1),
        });

    [GeneratedRegex("^AWS4-HMAC-SHA256 Credential=(?<credential>[^,]+), SignedHeaders=(?<signed>[a-z0-9;-]+), Signature=(?<signature>[0-9a-f]{64})$")]
    private static partial Regex AuthorizationPattern();
}
