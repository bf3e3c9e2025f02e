using System.Text.Json.Serialization;
using Remittance.Aws.Lambda.CloudWatchEvents;
using Remittance.Aws.Lambda.CloudWatchEvents.ScheduledEvents;
using Remittance.Aws.Lambda.CloudWatchEvents.StepFunctionsEvents;
using Remittance.Aws.Lambda.DynamoDBEvents;
using Remittance.Aws.Lambda.SQSEvents;

namespace Remittance.Aws.Lambda.Serialization;

/// <summary>
/// Source-generated metadata for every event contract and batch response, so handlers stay trimmable. Names are
/// read case-insensitively because AWS spells some members differently between an event and the matching API.
/// Both batch responses nest a type named BatchItemFailure, as the official packages do, hence the explicit names.
/// </summary>
[JsonSourceGenerationOptions(
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    PropertyNameCaseInsensitive = true)]
[JsonSerializable(typeof(SQSEvent))]
[JsonSerializable(typeof(SQSBatchResponse))]
[JsonSerializable(typeof(SQSBatchResponse.BatchItemFailure), TypeInfoPropertyName = "SQSBatchItemFailure")]
[JsonSerializable(typeof(List<SQSBatchResponse.BatchItemFailure>), TypeInfoPropertyName = "SQSBatchItemFailureList")]
[JsonSerializable(typeof(DynamoDBEvent))]
[JsonSerializable(typeof(StreamsEventResponse))]
[JsonSerializable(typeof(StreamsEventResponse.BatchItemFailure), TypeInfoPropertyName = "StreamsBatchItemFailure")]
[JsonSerializable(typeof(List<StreamsEventResponse.BatchItemFailure>), TypeInfoPropertyName = "StreamsBatchItemFailureList")]
[JsonSerializable(typeof(Dictionary<string, DynamoDBEvent.AttributeValue>))]
[JsonSerializable(typeof(ScheduledEvent))]
[JsonSerializable(typeof(StepFunctionsExecutionStatusChangeEvent))]
[JsonSerializable(typeof(CloudWatchEvent<StepFunctionsExecutionStatusChangeDetail>))]
public sealed partial class AwsEventsJsonContext : JsonSerializerContext;
