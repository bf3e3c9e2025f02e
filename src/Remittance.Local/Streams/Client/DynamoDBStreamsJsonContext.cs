using System.Text.Json.Serialization;
using Remittance.Aws.Lambda.DynamoDBEvents;

namespace Remittance.Local.Streams.Client;

/// <summary>
/// Source-generated metadata for the DynamoDB Streams wire shapes. Names are read case-insensitively because
/// GetRecords spells userIdentity's members "Type"/"PrincipalId" where Lambda events use "type"/"principalId".
/// </summary>
[JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull, PropertyNameCaseInsensitive = true)]
[JsonSerializable(typeof(ListStreamsRequest))]
[JsonSerializable(typeof(ListStreamsResponse))]
[JsonSerializable(typeof(DescribeStreamRequest))]
[JsonSerializable(typeof(DescribeStreamResponse))]
[JsonSerializable(typeof(GetShardIteratorRequest))]
[JsonSerializable(typeof(GetShardIteratorResponse))]
[JsonSerializable(typeof(GetRecordsRequest))]
[JsonSerializable(typeof(GetRecordsResponse))]
[JsonSerializable(typeof(DynamoDBEvent.DynamodbStreamRecord))]
internal sealed partial class DynamoDBStreamsJsonContext : JsonSerializerContext;
