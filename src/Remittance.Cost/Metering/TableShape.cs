using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;

namespace Remittance.Cost.Metering;

/// <summary>
/// What the meter needs to know about a table to price a write: its key attributes and its global secondary indexes.
/// Built from the same <see cref="CreateTableRequest"/> the table is created from, so nothing is retyped.
/// </summary>
public sealed record TableShape(string TableName, IReadOnlyList<string> KeyAttributes, IReadOnlyList<IndexShape> Indexes)
{
    public static TableShape From(CreateTableRequest definition) => new(
        definition.TableName,
        [.. definition.KeySchema.Select(k => k.AttributeName)],
        [.. (definition.GlobalSecondaryIndexes ?? []).Select(index => new IndexShape(
            index.IndexName,
            [.. index.KeySchema.Select(k => k.AttributeName)],
            index.Projection?.ProjectionType?.Value ?? ProjectionType.ALL.Value,
            index.Projection?.NonKeyAttributes ?? []))]);
}
