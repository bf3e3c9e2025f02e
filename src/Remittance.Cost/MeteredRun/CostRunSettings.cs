namespace Remittance.Cost.MeteredRun;

/// <summary>Where a metered run gets its DynamoDB Local and its data.</summary>
/// <param name="ServiceUrl">A running DynamoDB Local.</param>
/// <param name="InvoicesPath">The Invoices table's rows (JSON lines); every invoice the input refers to must be there.</param>
/// <param name="NotificationCatalogDirectory">The notification rules and templates.</param>
/// <param name="RetryThreshold">Runs before an item leaves the retry index (the deployed default is 3).</param>
public sealed record CostRunSettings(string ServiceUrl, string InvoicesPath, string NotificationCatalogDirectory, int RetryThreshold = 3);
