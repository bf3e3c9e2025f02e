namespace Remittance.Workflows.Steps.Enrichment;

/// <summary>An invoice as the Invoices table holds it.</summary>
public sealed record InvoiceRecord(string InvoiceId, string Description, decimal Amount, string Currency, string IssuedAt, string? PurchaseOrder);
