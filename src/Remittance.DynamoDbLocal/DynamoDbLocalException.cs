namespace Remittance.DynamoDbLocal;

/// <summary>DynamoDB Local could not be installed, started or reached; the message says what to do about it.</summary>
public sealed class DynamoDbLocalException(string message, Exception? innerException = null)
    : Exception(message, innerException);
