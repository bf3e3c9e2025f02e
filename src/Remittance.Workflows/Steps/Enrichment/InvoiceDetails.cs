using Remittance.Domain.Enrichment;

namespace Remittance.Workflows.Steps.Enrichment;

/// <summary>What the enrich step found, in the order of the message's invoice IDs.</summary>
public sealed record InvoiceDetails(IReadOnlyList<EnrichedInvoice> Invoices, string PaymentDescription);
