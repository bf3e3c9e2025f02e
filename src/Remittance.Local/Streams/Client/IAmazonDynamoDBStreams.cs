namespace Remittance.Local.Streams.Client;

/// <summary>The DynamoDB Streams read API, with the SDK's names and shapes.</summary>
public interface IAmazonDynamoDBStreams
{
    Task<ListStreamsResponse> ListStreamsAsync(ListStreamsRequest request, CancellationToken cancellationToken = default);

    Task<DescribeStreamResponse> DescribeStreamAsync(DescribeStreamRequest request, CancellationToken cancellationToken = default);

    Task<GetShardIteratorResponse> GetShardIteratorAsync(GetShardIteratorRequest request, CancellationToken cancellationToken = default);

    Task<GetRecordsResponse> GetRecordsAsync(GetRecordsRequest request, CancellationToken cancellationToken = default);
}
