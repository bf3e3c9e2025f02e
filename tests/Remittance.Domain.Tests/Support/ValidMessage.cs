using System.Text.Json.Nodes;

namespace Remittance.Domain.Tests.Support;

/// <summary>A valid message that tests change one thing at a time, so each failure has exactly one cause.</summary>
internal static class ValidMessage
{
    public const string RequestId = "acme-bank-2026-11-21-000001";

    public static JsonObject Create() => new()
    {
        ["schemaVersion"] = "1",
        ["requestId"] = RequestId,
        ["partnerId"] = "acme-bank",
        ["partnerReference"] = "ACME-STL-20261121-0001",
        ["outcome"] = "SETTLED",
        ["settledAt"] = "2026-11-21T10:15:00Z",
        ["amount"] = "1250.00",
        ["currency"] = "USD",
        ["paymentMethod"] = "ACH",
        ["payee"] = new JsonObject
        {
            ["id"] = "payee-7f3a",
            ["type"] = "BUSINESS",
            ["country"] = "US",
            ["locale"] = "en-US",
        },
        ["invoiceIds"] = new JsonArray("INV-2026-0042", "INV-2026-0043"),
    };

    public static string Json() => Create().ToJsonString();

    /// <summary>
    /// The valid message with one property replaced: <paramref name="path"/> like <c>amount</c>, <c>payee.country</c>
    /// or <c>invoiceIds[1]</c>; <paramref name="json"/> is the new value as JSON text, or null to remove the property.
    /// </summary>
    public static string With(string path, string? json)
    {
        var message = Create();
        var segments = path.Split('.');
        JsonNode parent = message;
        foreach (var segment in segments[..^1])
        {
            parent = parent[segment]!;
        }

        var last = segments[^1];
        var remove = json is null;
        var value = remove ? null : JsonNode.Parse(json!);
        var bracket = last.IndexOf('[', StringComparison.Ordinal);
        if (bracket >= 0)
        {
            var array = parent[last[..bracket]]!.AsArray();
            var index = int.Parse(last[(bracket + 1)..^1], System.Globalization.CultureInfo.InvariantCulture);
            if (remove)
            {
                array.RemoveAt(index);
            }
            else if (index == array.Count)
            {
                array.Add(value);
            }
            else
            {
                array[index] = value;
            }
        }
        else if (remove)
        {
            parent.AsObject().Remove(last);
        }
        else
        {
            parent[last] = value;
        }

        return message.ToJsonString();
    }
}
