using System.Net;

namespace Remittance.Local.Streams.Client;

/// <summary>DynamoDB Streams failed internally; retried with backoff.</summary>
public sealed class InternalServerErrorException : AmazonDynamoDBStreamsException
{
    public InternalServerErrorException(string message)
        : base(message, null, "InternalServerError", null, HttpStatusCode.InternalServerError)
    {
    }

    public InternalServerErrorException(string message, Exception? innerException, string? errorCode, string? requestId, HttpStatusCode statusCode)
        : base(message, innerException, errorCode, requestId, statusCode)
    {
    }
}
