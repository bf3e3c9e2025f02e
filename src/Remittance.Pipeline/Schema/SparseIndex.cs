namespace Remittance.Pipeline.Schema;

/// <summary>A sparse global secondary index: only items carrying <see cref="KeyAttribute"/> are in it.</summary>
/// <param name="IndexName">GSI name.</param>
/// <param name="KeyAttribute">String partition key of the index; holds the item's request ID while set.</param>
/// <param name="Purpose">What an item in this index needs, for docs and the CDK app.</param>
public sealed record SparseIndex(string IndexName, string KeyAttribute, string Purpose);
