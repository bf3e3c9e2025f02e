using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Remittance.Pipeline.Schema;
using Remittance.Pipeline.Storage;

namespace Remittance.Local.Faults;

/// <summary>
/// What a fault draw is about, in terms that are the same from run to run (request IDs, invoice IDs, operation
/// names) and never timestamps or generated IDs, so the same seed injects the same faults however work interleaves.
/// </summary>
public static partial class FaultKeys
{
    /// <summary>
    /// A key within one service. Both services work on the same request IDs and execution names while running side by
    /// side, so without the service two draws on one key could come in either order and swap their outcomes.
    /// </summary>
    public static string Scoped(string service, string key) => $"{service}/{key}";

    /// <summary>A workflow step's key: the request ID of the remittance it works on.</summary>
    public static string Of(JsonObject input) =>
        input[ItemAttributes.RequestId] is JsonValue value && value.TryGetValue<string>(out var requestId) ? requestId : "(no request ID)";

    /// <summary>
    /// A DynamoDB request's key: its operation and the first request ID (or, failing that, invoice ID) it names; the
    /// operation alone for requests that name neither (scans and queries of the sparse indexes) or only a rejection keyed
    /// by an SQS message ID, which is generated anew in every run. Draws on a shared key still repeat as a sequence: the
    /// same number of draws injects the same number of faults, whichever request takes which.
    /// </summary>
    public static string OfDynamoDbRequest(string target, string body)
    {
        var operation = target[(target.LastIndexOf('.') + 1)..];
        foreach (Match key in KeyValue().Matches(body))
        {
            var value = key.Groups["value"].Value;
            if (!value.StartsWith(RecordKeys.RejectionBySqsMessageIdPrefix, StringComparison.Ordinal))
            {
                return $"{operation} {key.Groups["name"].Value}={value}";
            }
        }

        return operation;
    }

    [GeneratedRegex("\"(?<name>requestId|invoiceId)\":\\{\"S\":\"(?<value>(?:[^\"\\\\]|\\\\.)*)\"", RegexOptions.CultureInvariant)]
    private static partial Regex KeyValue();
}
