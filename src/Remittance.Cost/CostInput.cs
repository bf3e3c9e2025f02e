using System.Globalization;
using System.Text.Json.Nodes;
using Remittance.Local.Input;
using Remittance.Pipeline.Contracts;
using Remittance.Pipeline.Schema;
using Remittance.Pipeline.Storage;

namespace Remittance.Cost;

/// <summary>
/// What a cost run feeds the pipeline: remittances only — valid messages ingest would store, one per request ID — so
/// that every count divides cleanly by the number of remittances (rejections and duplicates are not remittances).
/// </summary>
public static class CostInput
{
    public static IReadOnlyList<InputMessage> Remittances(IEnumerable<InputMessage> messages)
    {
        var factory = new RemittanceItemFactory(TimeProvider.System);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var kept = new List<InputMessage>();
        foreach (var message in messages)
        {
            var parsed = PartnerMessageContract.Instance.Parse(message.Body);
            if (parsed.IsValid && factory.Create(parsed).SizeBytes <= RemittanceTableSchema.MaxAcceptedItemBytes && seen.Add(parsed.RequestId))
            {
                kept.Add(message);
            }
        }

        return kept;
    }

    /// <summary>
    /// <paramref name="count"/> remittances made from <paramref name="templates"/> in turn, each under a new request ID
    /// (so their invoices are the templates' and are in the Invoices table).
    /// </summary>
    public static IReadOnlyList<InputMessage> Generate(IReadOnlyList<InputMessage> templates, int count)
    {
        if (templates.Count == 0)
        {
            throw new ArgumentException("There is no valid remittance to generate messages from.", nameof(templates));
        }

        return
        [
            .. Enumerable.Range(1, count).Select(i =>
            {
                var template = templates[(i - 1) % templates.Count];
                var message = JsonNode.Parse(template.Body)!.AsObject();
                message["requestId"] = "cost-" + i.ToString("D8", CultureInfo.InvariantCulture);
                return new InputMessage($"generated:{i} (from {template.Source})", message.ToJsonString());
            }),
        ];
    }
}
