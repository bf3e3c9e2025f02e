using System.Text.Json.Nodes;

namespace Remittance.IntegrationTests.Infrastructure;

/// <summary>Partner message bodies for tests, built from one valid message with targeted changes.</summary>
public static class Messages
{
    public static JsonObject Valid(string requestId) => new()
    {
        ["requestId"] = requestId,
        ["partnerId"] = "partner-001",
        ["partnerReference"] = "ref-" + requestId,
        ["outcome"] = "SETTLED",
        ["settledAt"] = "2026-11-20T09:30:00+01:00",
        ["amount"] = "1250.75",
        ["currency"] = "USD",
        ["paymentMethod"] = "ACH",
        ["payee"] = new JsonObject { ["id"] = "payee-7f3a", ["type"] = "BUSINESS", ["country"] = "US", ["locale"] = "en-US" },
        ["invoiceIds"] = new JsonArray("INV-1001", "INV-1002"),
    };

    public static string Body(string requestId, Action<JsonObject>? change = null)
    {
        var message = Valid(requestId);
        change?.Invoke(message);
        return message.ToJsonString();
    }
}
