using Amazon.CDK;
using Amazon.CDK.AWS.DynamoDB;
using Amazon.CDK.AWS.KMS;
using Constructs;
using Sdk = Amazon.DynamoDBv2;
using SdkModel = Amazon.DynamoDBv2.Model;

namespace Remittance.Cdk.Patterns;

/// <summary>
/// Turns a table definition the application code owns (a DynamoDB <c>CreateTableRequest</c>) into a CDK table, so
/// keys, indexes, projections and the stream are never retyped here. Anything it cannot translate fails the synth.
/// </summary>
public static class SchemaTable
{
    public static Table Create(Construct scope, string id, SdkModel.CreateTableRequest schema, IKey key, RemovalPolicy removalPolicy)
    {
        ArgumentNullException.ThrowIfNull(schema);
        var types = (schema.AttributeDefinitions ?? []).ToDictionary(a => a.AttributeName, a => a.AttributeType, StringComparer.Ordinal);
        var table = new Table(scope, id, new TableProps
        {
            PartitionKey = KeyAttribute(schema.KeySchema, Sdk.KeyType.HASH, types) ?? throw new ArgumentException($"{schema.TableName} has no partition key."),
            SortKey = KeyAttribute(schema.KeySchema, Sdk.KeyType.RANGE, types),
            BillingMode = schema.BillingMode == Sdk.BillingMode.PAY_PER_REQUEST
                ? BillingMode.PAY_PER_REQUEST
                : throw new NotSupportedException($"Billing mode {schema.BillingMode} of {schema.TableName} is not translated."),
            Stream = schema.StreamSpecification is { StreamEnabled: true } stream ? StreamView(stream.StreamViewType) : null,
            Encryption = TableEncryption.CUSTOMER_MANAGED,
            EncryptionKey = key,
            PointInTimeRecovery = true,
            RemovalPolicy = removalPolicy,
            DeletionProtection = removalPolicy == RemovalPolicy.RETAIN,
        });

        foreach (var index in schema.GlobalSecondaryIndexes ?? [])
        {
            table.AddGlobalSecondaryIndex(new GlobalSecondaryIndexProps
            {
                IndexName = index.IndexName,
                PartitionKey = KeyAttribute(index.KeySchema, Sdk.KeyType.HASH, types) ?? throw new ArgumentException($"Index {index.IndexName} has no partition key."),
                SortKey = KeyAttribute(index.KeySchema, Sdk.KeyType.RANGE, types),
                ProjectionType = Projection(index.Projection),
                NonKeyAttributes = index.Projection?.ProjectionType == Sdk.ProjectionType.INCLUDE ? [.. index.Projection.NonKeyAttributes] : null,
            });
        }

        return table;
    }

    private static Amazon.CDK.AWS.DynamoDB.Attribute? KeyAttribute(
        List<SdkModel.KeySchemaElement>? keys, Sdk.KeyType keyType, Dictionary<string, Sdk.ScalarAttributeType> types)
    {
        var element = keys?.SingleOrDefault(k => k.KeyType == keyType);
        if (element is null)
        {
            return null;
        }

        var type = types.TryGetValue(element.AttributeName, out var t) ? t
            : throw new ArgumentException($"Key attribute {element.AttributeName} has no attribute definition.");
        return new Amazon.CDK.AWS.DynamoDB.Attribute
        {
            Name = element.AttributeName,
            Type = type.Value switch
            {
                "S" => AttributeType.STRING,
                "N" => AttributeType.NUMBER,
                "B" => AttributeType.BINARY,
                _ => throw new NotSupportedException($"Attribute type {type} is not translated."),
            },
        };
    }

    private static ProjectionType Projection(SdkModel.Projection? projection) => projection?.ProjectionType?.Value switch
    {
        "KEYS_ONLY" => ProjectionType.KEYS_ONLY,
        "INCLUDE" => ProjectionType.INCLUDE,
        "ALL" or null => ProjectionType.ALL,
        var other => throw new NotSupportedException($"Projection {other} is not translated."),
    };

    private static StreamViewType StreamView(Sdk.StreamViewType viewType) => viewType.Value switch
    {
        "NEW_AND_OLD_IMAGES" => StreamViewType.NEW_AND_OLD_IMAGES,
        "NEW_IMAGE" => StreamViewType.NEW_IMAGE,
        "OLD_IMAGE" => StreamViewType.OLD_IMAGE,
        "KEYS_ONLY" => StreamViewType.KEYS_ONLY,
        _ => throw new NotSupportedException($"Stream view type {viewType} is not translated."),
    };
}
