using System.Globalization;
using System.Text.Json.Nodes;
using Amazon.DynamoDBv2.Model;
using Remittance.Domain;
using Remittance.Local.Input;
using Remittance.Pipeline.Schema;
using Remittance.Pipeline.Storage;

namespace Remittance.Bench.Support;

/// <summary>
/// Valid partner messages made from the checked-in samples (every valid one, so currencies, locales and invoice
/// counts vary as in the samples) under fresh request IDs. Their invoice IDs are those of samples/invoices.jsonl, so
/// enrichment finds them, and every sample's payee has a notification rule, so each ends NOTIFIED.
/// </summary>
public sealed class SampleMessages
{
    private readonly IReadOnlyList<JsonObject> _templates;

    public SampleMessages(RepositoryPaths paths)
    {
        _templates = [.. MessageSource.Read(Path.Combine(paths.Samples, "partner-messages"))
            .Select(m => PartnerMessageParser.Parse(m.Body))
            .Where(r => r.IsValid && FitsInAnItem(r.Document))
            .DistinctBy(r => r.RequestId, StringComparer.Ordinal)
            .Select(r => r.Document!)];
        if (_templates.Count == 0)
        {
            throw new InvalidOperationException("No valid sample partner messages found under samples/partner-messages.");
        }
    }

    /// <summary>The oversized sample is valid JSON but rejected as ITEM_TOO_LARGE: not a message the pipeline accepts.</summary>
    private static bool FitsInAnItem(JsonObject? document) =>
        document is not null
        && ItemSize.Of(new Dictionary<string, AttributeValue> { ["message"] = new() { M = AttributeValueJson.FromJsonObject(document) } })
        < RemittanceTableSchema.MaxItemBytes / 2;

    public int TemplateCount => _templates.Count;

    /// <summary>The <paramref name="index"/>-th message of a run tagged <paramref name="tag"/> (templates taken in turn).</summary>
    public string Body(string tag, int index)
    {
        var message = _templates[index % _templates.Count].DeepClone().AsObject();
        message["requestId"] = RequestId(tag, index);
        return message.ToJsonString();
    }

    public static string RequestId(string tag, int index) => $"bench-{tag}-{index.ToString("D6", CultureInfo.InvariantCulture)}";

    public IReadOnlyList<InputMessage> Inputs(string tag, int count) =>
        [.. Enumerable.Range(0, count).Select(i => new InputMessage($"{tag}:{i}", Body(tag, i)))];
}
