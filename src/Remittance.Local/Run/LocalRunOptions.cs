using Remittance.DynamoDbLocal;
using Remittance.Local.Lambda;
using Remittance.Workflows.Composition;

namespace Remittance.Local.Run;

public sealed record LocalRunOptions
{
    public const string DefaultTableName = "remittance-enrichment-local";
    public const string DefaultInvoicesPath = "samples/invoices.jsonl";
    public const string DefaultNotificationCatalog = "samples/notifications";
    public const string DefaultOutbox = "out/outbox";

    /// <summary>Retry delays of the workflow definitions are multiplied by this locally (the numbers stay the definition's).</summary>
    public const double RetryTimeScale = 0.001;

    /// <summary>The local stand-in's ARN for a service's state machine.</summary>
    public static string StateMachineArn(ServiceDefinition service) =>
        $"arn:aws:states:us-east-1:000000000000:stateMachine:remittance-{service.Name}-local";

    public string TableName { get; init; } = DefaultTableName;

    /// <summary>Which service a single function invocation belongs to (local invoke).</summary>
    public ServiceDefinition Service { get; init; } = ServiceCatalog.Enrichment;

    /// <summary>Where the functions run: in this process, or the published binary as Lambda runs it.</summary>
    public LocalRuntimeKind Runtime { get; init; } = LocalRuntimeKind.InProcess;

    /// <summary>The folder holding the published <c>bootstrap</c> (process runtime); null finds or publishes the default one.</summary>
    public string? FunctionsDirectory { get; init; }

    /// <summary>Instances of one function the process runtime may start (Lambda scales with load; a small cap locally).</summary>
    public int MaxInstances { get; init; } = 4;

    /// <summary>The run's own Invoices table, named after its remittance table so runs sharing a DynamoDB Local stay apart.</summary>
    public string InvoicesTableName => TableName + "-invoices";

    /// <summary>The notification service's own table (same schema, its own stream).</summary>
    public string NotificationTableName => TableName + "-notifications";

    /// <summary>The notification rules and templates.</summary>
    public string NotificationCatalogDirectory { get; init; } = DefaultNotificationCatalog;

    /// <summary>Where sent notifications are written, one file per notification a person can open.</summary>
    public string OutboxDirectory { get; init; } = DefaultOutbox;

    /// <summary>Ingest invocations in flight at once (Lambda scales SQS pollers similarly).</summary>
    public int Concurrency { get; init; } = 1;

    /// <summary>The queue's redrive policy: receives before a message moves to the dead-letter queue.</summary>
    public int MaxReceiveCount { get; init; } = Sqs.LocalQueue.DefaultMaxReceiveCount;

    public DynamoDbLocalOptions DynamoDb { get; init; } = new();

    /// <summary>Where the functions' JSON logs go (none by default: the console shows the report).</summary>
    public TextWriter? FunctionLog { get; init; }

    public TimeProvider Time { get; init; } = TimeProvider.System;

    /// <summary>Invoices to seed the local Invoices table with (JSON lines); null runs with an empty table.</summary>
    public string? InvoicesPath { get; init; }

    /// <summary>Seeds the jitter of retries (and, later, injected faults) so a run can be repeated exactly.</summary>
    public int Seed { get; init; } = 1;

    /// <summary>Runs a remittance may have before it moves from the retry index to the failed index.</summary>
    public int RetryThreshold { get; init; } = Pipeline.Composition.RemittanceOptions.DefaultRetryThreshold;

    /// <summary>Failures to inject (--faults); none by default.</summary>
    public Faults.FaultPlan Faults { get; init; } = Remittance.Local.Faults.FaultPlan.None;
}
