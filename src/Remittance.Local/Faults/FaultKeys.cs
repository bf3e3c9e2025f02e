using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Remittance.Pipeline.Schema;

namespace Remittance.Local.Faults;

/// <summary>
/// What a fault draw is about, in terms that are the same from run to run (request IDs, invoice IDs, operation
/// names) and never timestamps or generated IDs, so the same seed injects the same faults however work interleaves.
/// </summary>
public static partial class FaultKeys
{
    /// <summary>A workflow step's key: the request ID of the remittance it works on.</summary>
    public static string Of(JsonObject input) =>
        input[ItemAttributes.RequestId] is JsonValue value && value.TryGetValue<string>(out var requestId) ? requestId : "(no request ID)";

    /// <summary>
    /// A DynamoDB request's key: its operation and the first request ID (or, failing that, invoice ID) it names; the
    /// operation alone for requests that name neither (scans and queries of the sparse indexes).
    /// </summary>
    public static string OfDynamoDbRequest(string target, string body)
    {
        var operation = target[(target.LastIndexOf('.') + 1)..];
        var key = KeyValue().Match(body);
        return key.Success ? $"{operation} {key.Groups["name"].Value}={key.Groups["value"].Value}" : operation;
    }

    [GeneratedRegex("\"(?<name>requestId|invoiceId)\":\\{\"S\":\"(?<value>(?:[^\"\\\\]|\\\\.)*)\"", RegexOptions.CultureInvariant)]
    private static partial Regex KeyValue();
}
