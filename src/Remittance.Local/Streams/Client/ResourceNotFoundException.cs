using System.Net;

namespace Remittance.Local.Streams.Client;

/// <summary>The stream or shard does not exist.</summary>
public sealed class ResourceNotFoundException : AmazonDynamoDBStreamsException
{
    public ResourceNotFoundException(string message)
        : base(message, null, "ResourceNotFoundException", null, HttpStatusCode.BadRequest)
    {
    }

    public ResourceNotFoundException(string message, Exception? innerException, string? errorCode, string? requestId, HttpStatusCode statusCode)
        : base(message, innerException, errorCode, requestId, statusCode)
    {
    }
}
