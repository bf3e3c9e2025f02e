using System.Globalization;
using Amazon.DynamoDBv2.Model;
using Remittance.Domain;
using Remittance.Pipeline.Contracts;
using Remittance.Pipeline.Schema;

namespace Remittance.Pipeline.Storage;

/// <summary>
/// Builds the first version of a remittance item. The execution name for attempt 1 is generated here, before the
/// write, so the stream handler and every later writer refer to the same Step Functions run.
/// </summary>
public sealed class RemittanceItemFactory(TimeProvider time)
{
    public const int FirstAttempt = 1;
    public const int FirstVersion = 1;

    private const int ItemAttributeCount = 11;

    public NewRemittance Create(ParsedMessage message)
    {
        if (!message.IsValid)
        {
            throw new ArgumentException("Only a valid message becomes a remittance item.", nameof(message));
        }

        var document = message.Document;
        var now = Timestamps.Format(time.GetUtcNow());
        var executionName = ExecutionName.For(message.RequestId, FirstAttempt);
        // From the parsed text when the contract kept it: the same hash and map, without materializing the nodes.
        var payloadHash = message.Identity is { } identity ? PayloadHash.Compute(identity)
            : message.Element is { } element ? PayloadHash.Compute(element)
            : PayloadHash.Compute(document);
        var item = new Dictionary<string, AttributeValue>(ItemAttributeCount, StringComparer.Ordinal)
        {
            [ItemAttributes.RequestId] = new() { S = message.RequestId },
            [ItemAttributes.Status] = new() { S = RemittanceStatus.Received.ToWire() },
            [ItemAttributes.VersionId] = Number(FirstVersion),
            [ItemAttributes.Attempt] = Number(FirstAttempt),
            [ItemAttributes.ExecutionName] = new() { S = executionName },
            [ItemAttributes.ReceivedAt] = new() { S = now },
            [ItemAttributes.UpdatedAt] = new() { S = now },
            [ItemAttributes.PayloadHash] = new() { S = payloadHash },
            [ItemAttributes.SchemaVersion] = new() { S = message.SchemaVersion },
            [ItemAttributes.PartnerId] = new() { S = message.PartnerId ?? string.Empty },
            [ItemAttributes.Message] = new()
            {
                M = message.Element is { } body ? AttributeValueJson.FromJsonObject(body) : AttributeValueJson.FromJsonObject(document),
            },
        };

        return new NewRemittance(message.RequestId, executionName, payloadHash, item, ItemSize.Of(item));
    }

    internal static AttributeValue Number(long value) => new() { N = value.ToString(CultureInfo.InvariantCulture) };
}
