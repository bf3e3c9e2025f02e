using Remittance.Aws.Runtime;

namespace Remittance.Local.Streams.Client;

/// <summary>
/// DynamoDB Streams client settings. Against DynamoDB Local, set ServiceURL to DynamoDB Local's own URL: it serves
/// the streams API on the same port.
/// </summary>
public sealed class AmazonDynamoDBStreamsConfig : AwsClientConfig;
