using System.Net;
using Remittance.Aws.Runtime;

namespace Remittance.Local.Streams.Client;

/// <summary>Any error answered by DynamoDB Streams; specific codes have their own subclasses.</summary>
public class AmazonDynamoDBStreamsException : AwsServiceException
{
    public AmazonDynamoDBStreamsException(string message)
        : base(message)
    {
    }

    public AmazonDynamoDBStreamsException(string message, Exception? innerException, string? errorCode, string? requestId, HttpStatusCode statusCode)
        : base(message, innerException, errorCode, requestId, statusCode)
    {
    }
}
