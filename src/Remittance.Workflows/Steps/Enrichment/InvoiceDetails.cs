namespace Remittance.Workflows.Steps.Enrichment;

/// <summary>What the enrich step found, in the order of the message's invoice IDs.</summary>
public sealed record InvoiceDetails(IReadOnlyList<InvoiceRecord> Invoices, string PaymentDescription);
