using System.Net;
using Amazon.Runtime;
using Remittance.Aws.Lambda.DynamoDBEvents;
using Remittance.Aws.Runtime;

namespace Remittance.Local.Streams.Client;

/// <summary>
/// A DynamoDB Streams client over the AWS JSON 1.0 protocol (target prefix DynamoDBStreams_20120810, signing name
/// dynamodb), standing in for AWSSDK.DynamoDBStreams. Records come back as the Lambda event's
/// <see cref="DynamoDBEvent.DynamodbStreamRecord"/>, the shape GetRecords shares.
/// </summary>
public sealed class AmazonDynamoDBStreamsClient : IAmazonDynamoDBStreams, IDisposable
{
    private static readonly AwsServiceDefinition s_service = new("DynamoDBStreams_20120810", "dynamodb", "streams.dynamodb", CreateException);

    private readonly AwsJsonProtocolClient _protocol;

    public AmazonDynamoDBStreamsClient()
        : this(null, new AmazonDynamoDBStreamsConfig())
    {
    }

    public AmazonDynamoDBStreamsClient(AmazonDynamoDBStreamsConfig config)
        : this(null, config)
    {
    }

    public AmazonDynamoDBStreamsClient(AWSCredentials? credentials, AmazonDynamoDBStreamsConfig config) =>
        _protocol = new AwsJsonProtocolClient(s_service, config, credentials);

    public Uri Endpoint => _protocol.Endpoint;

    public Task<ListStreamsResponse> ListStreamsAsync(ListStreamsRequest request, CancellationToken cancellationToken = default) =>
        _protocol.InvokeAsync("ListStreams", request, DynamoDBStreamsJsonContext.Default.ListStreamsRequest,
            DynamoDBStreamsJsonContext.Default.ListStreamsResponse, cancellationToken);

    public Task<DescribeStreamResponse> DescribeStreamAsync(DescribeStreamRequest request, CancellationToken cancellationToken = default) =>
        _protocol.InvokeAsync("DescribeStream", request, DynamoDBStreamsJsonContext.Default.DescribeStreamRequest,
            DynamoDBStreamsJsonContext.Default.DescribeStreamResponse, cancellationToken);

    public Task<GetShardIteratorResponse> GetShardIteratorAsync(GetShardIteratorRequest request, CancellationToken cancellationToken = default) =>
        _protocol.InvokeAsync("GetShardIterator", request, DynamoDBStreamsJsonContext.Default.GetShardIteratorRequest,
            DynamoDBStreamsJsonContext.Default.GetShardIteratorResponse, cancellationToken);

    public Task<GetRecordsResponse> GetRecordsAsync(GetRecordsRequest request, CancellationToken cancellationToken = default) =>
        _protocol.InvokeAsync("GetRecords", request, DynamoDBStreamsJsonContext.Default.GetRecordsRequest,
            DynamoDBStreamsJsonContext.Default.GetRecordsResponse, cancellationToken);

    public void Dispose() => _protocol.Dispose();

    private static AwsServiceException CreateException(string code, string message, string? requestId, HttpStatusCode status) => code switch
    {
        "ExpiredIteratorException" => new ExpiredIteratorException(message, null, code, requestId, status),
        "TrimmedDataAccessException" => new TrimmedDataAccessException(message, null, code, requestId, status),
        "ResourceNotFoundException" => new ResourceNotFoundException(message, null, code, requestId, status),
        "LimitExceededException" => new LimitExceededException(message, null, code, requestId, status),
        "InternalServerError" => new InternalServerErrorException(message, null, code, requestId, status),
        _ => new AmazonDynamoDBStreamsException(message, null, code, requestId, status),
    };
}
