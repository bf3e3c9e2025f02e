using System.Net;

namespace Remittance.Local.Streams.Client;

/// <summary>The shard iterator is older than 15 minutes: get a new one from the last sequence number read.</summary>
public sealed class ExpiredIteratorException : AmazonDynamoDBStreamsException
{
    public ExpiredIteratorException(string message)
        : base(message, null, "ExpiredIteratorException", null, HttpStatusCode.BadRequest)
    {
    }

    public ExpiredIteratorException(string message, Exception? innerException, string? errorCode, string? requestId, HttpStatusCode statusCode)
        : base(message, innerException, errorCode, requestId, statusCode)
    {
    }
}
