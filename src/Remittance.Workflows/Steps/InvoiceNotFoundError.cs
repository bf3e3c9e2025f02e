namespace Remittance.Workflows.Steps;

/// <summary>An invoice the remittance refers to is not in the Invoices table.</summary>
public sealed class InvoiceNotFoundError(string message, Exception? inner = null) : StepError(message, inner);
