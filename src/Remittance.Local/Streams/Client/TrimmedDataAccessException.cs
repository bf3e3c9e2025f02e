using System.Net;

namespace Remittance.Local.Streams.Client;

/// <summary>The records asked for are past the stream's 24-hour retention (or the shard is gone).</summary>
public sealed class TrimmedDataAccessException : AmazonDynamoDBStreamsException
{
    public TrimmedDataAccessException(string message)
        : base(message, null, "TrimmedDataAccessException", null, HttpStatusCode.BadRequest)
    {
    }

    public TrimmedDataAccessException(string message, Exception? innerException, string? errorCode, string? requestId, HttpStatusCode statusCode)
        : base(message, innerException, errorCode, requestId, statusCode)
    {
    }
}
