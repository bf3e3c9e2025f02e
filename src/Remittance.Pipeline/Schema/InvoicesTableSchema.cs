using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;

namespace Remittance.Pipeline.Schema;

/// <summary>
/// The enrichment service's Invoices table, defined once: one item per invoice ID, read by the enrich step with
/// BatchGetItem (up to 100 keys, the most invoice IDs a message may carry).
/// </summary>
public static class InvoicesTableSchema
{
    public const string InvoiceId = "invoiceId";
    public const string PayeeId = "payeeId";
    public const string Description = "description";
    public const string Amount = "amount";
    public const string Currency = "currency";
    public const string IssuedAt = "issuedAt";
    public const string PurchaseOrder = "purchaseOrder";

    public static CreateTableRequest CreateTableRequest(string tableName) => new()
    {
        TableName = tableName,
        BillingMode = BillingMode.PAY_PER_REQUEST,
        KeySchema = [new KeySchemaElement(InvoiceId, KeyType.HASH)],
        AttributeDefinitions = [new AttributeDefinition(InvoiceId, ScalarAttributeType.S)],
    };
}
