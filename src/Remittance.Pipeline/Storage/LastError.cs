using Amazon.DynamoDBv2.Model;

namespace Remittance.Pipeline.Storage;

/// <summary>The last failure recorded on an item: error code and cause, truncated so an item never outgrows 400 KB.</summary>
public static class LastError
{
    public const int MaxErrorLength = 256;
    public const int MaxCauseLength = 4096;

    public static AttributeValue ToAttributeValue(string error, string cause, string at) => new()
    {
        M = new()
        {
            ["error"] = new AttributeValue { S = Cut(error, MaxErrorLength) },
            ["cause"] = new AttributeValue { S = Cut(cause, MaxCauseLength) },
            ["at"] = new AttributeValue { S = at },
        },
    };

    private static string Cut(string text, int max) => text.Length <= max ? text : string.Concat(text.AsSpan(0, max - 1), "…");
}
