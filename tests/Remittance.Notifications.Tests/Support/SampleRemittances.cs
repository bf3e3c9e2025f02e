using System.Globalization;
using System.Text.Json;
using Remittance.Domain;
using Remittance.Domain.Enrichment;

namespace Remittance.Notifications.Tests.Support;

/// <summary>
/// Turns the checked-in partner message samples into enriched remittances with the invoices in
/// <c>samples/invoices.jsonl</c>: a test stand-in for the enrichment workflow's lookups.
/// </summary>
internal static class SampleRemittances
{
    public static string PartnerMessages { get; } = RepositoryRoot.Combine("samples", "partner-messages");

    public static IReadOnlyDictionary<string, InvoiceLine> Invoices { get; } = ReadInvoices();

    /// <summary>Every valid sample message (each line of a .jsonl counts), with where it came from.</summary>
    public static IReadOnlyList<(string Source, PartnerMessage Message)> ValidMessages() =>
    [
        .. Bodies()
            .Select(b => (b.Source, Result: PartnerMessageParser.Parse(b.Body)))
            .Where(r => r.Result.IsValid)
            .Select(r => (r.Source, r.Result.Message!)),
    ];

    public static IReadOnlyList<(string Source, EnrichedRemittance Remittance)> All() =>
        [.. ValidMessages().Select(m => (m.Source, Enrich(m.Message)))];

    /// <summary>The enriched form of one sample, by file name (or <c>batch.jsonl:3</c> for a line).</summary>
    public static EnrichedRemittance Sample(string source) => All().Single(s => s.Source == source).Remittance;

    public static EnrichedRemittance Enrich(PartnerMessage message)
    {
        var invoices = message.InvoiceIds.Select(id => Invoices.TryGetValue(id, out var line)
            ? line.Invoice
            : throw new InvalidOperationException($"samples/invoices.jsonl has no invoice '{id}' (request {message.RequestId})")).ToList();
        return EnrichedRemittance.From(message, invoices, "Payment for invoices " + string.Join(", ", message.InvoiceIds));
    }

    private static IEnumerable<(string Source, string Body)> Bodies()
    {
        foreach (var path in Directory.EnumerateFiles(PartnerMessages).Order(StringComparer.Ordinal))
        {
            var name = Path.GetFileName(path);
            if (name.EndsWith(".json", StringComparison.Ordinal))
            {
                yield return (name, File.ReadAllText(path));
            }
            else if (name.EndsWith(".jsonl", StringComparison.Ordinal))
            {
                var number = 0;
                foreach (var line in File.ReadLines(path))
                {
                    number++;
                    if (!string.IsNullOrWhiteSpace(line))
                    {
                        yield return ($"{name}:{number}", line);
                    }
                }
            }
        }
    }

    private static Dictionary<string, InvoiceLine> ReadInvoices()
    {
        var invoices = new Dictionary<string, InvoiceLine>(StringComparer.Ordinal);
        foreach (var line in File.ReadLines(RepositoryRoot.Combine("samples", "invoices.jsonl")).Where(l => !string.IsNullOrWhiteSpace(l)))
        {
            using var document = JsonDocument.Parse(line);
            var root = document.RootElement;
            string Text(string name) => root.GetProperty(name).GetString()!;
            var invoice = new EnrichedInvoice(
                Text("invoiceId"),
                Text("description"),
                decimal.Parse(Text("amount"), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture),
                Text("currency"),
                DateOnly.ParseExact(Text("issuedAt"), "yyyy-MM-dd", CultureInfo.InvariantCulture),
                root.TryGetProperty("purchaseOrder", out var po) ? po.GetString() : null);
            invoices.Add(invoice.InvoiceId, new InvoiceLine(Text("payeeId"), Text("amount"), invoice));
        }

        return invoices;
    }

    /// <param name="AmountText">As written in the file, to check it has the currency's minor units.</param>
    internal sealed record InvoiceLine(string PayeeId, string AmountText, EnrichedInvoice Invoice);
}
