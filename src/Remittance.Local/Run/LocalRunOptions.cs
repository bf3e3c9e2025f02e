using Remittance.DynamoDbLocal;

namespace Remittance.Local.Run;

public sealed record LocalRunOptions
{
    public const string DefaultTableName = "remittance-enrichment-local";
    public const string StateMachineArn = "arn:aws:states:us-east-1:000000000000:stateMachine:remittance-enrichment-local";

    public string TableName { get; init; } = DefaultTableName;

    /// <summary>Ingest invocations in flight at once (Lambda scales SQS pollers similarly).</summary>
    public int Concurrency { get; init; } = 1;

    /// <summary>The queue's redrive policy: receives before a message moves to the dead-letter queue.</summary>
    public int MaxReceiveCount { get; init; } = Sqs.LocalQueue.DefaultMaxReceiveCount;

    public DynamoDbLocalOptions DynamoDb { get; init; } = new();

    /// <summary>Where the functions' JSON logs go (none by default: the console shows the report).</summary>
    public TextWriter? FunctionLog { get; init; }

    public TimeProvider Time { get; init; } = TimeProvider.System;
}
