using System.Net;

namespace Remittance.Local.Streams.Client;

/// <summary>Too many concurrent reads of the stream; retried with backoff as throttling.</summary>
public sealed class LimitExceededException : AmazonDynamoDBStreamsException
{
    public LimitExceededException(string message)
        : base(message, null, "LimitExceededException", null, HttpStatusCode.BadRequest)
    {
    }

    public LimitExceededException(string message, Exception? innerException, string? errorCode, string? requestId, HttpStatusCode statusCode)
        : base(message, innerException, errorCode, requestId, statusCode)
    {
    }
}
