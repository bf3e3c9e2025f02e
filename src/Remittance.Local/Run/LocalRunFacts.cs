using Amazon.DynamoDBv2.Model;
using Remittance.Local.Input;
using Remittance.Local.Sns;

namespace Remittance.Local.Run;

/// <summary>Everything observed during a local run, from which the report is built.</summary>
public sealed record LocalRunFacts(
    string Input,
    DateTimeOffset StartedAt,
    TimeSpan Elapsed,
    string DynamoDbLocal,
    IReadOnlyList<string> MessageOrder,
    IReadOnlyDictionary<string, InputMessage> Sources,
    LocalService Enrichment,
    IReadOnlyList<Dictionary<string, AttributeValue>> Items,
    RecordingTopics Topics,
    int InvoicesSeeded,
    Faults.FaultPlan Faults,
    int Seed,
    string FunctionsRuntime,
    LocalService Notification,
    IReadOnlyList<Dictionary<string, AttributeValue>> NotificationItems,
    IReadOnlyList<SentNotification> Sent,
    string OutboxDirectory);
