using Amazon.DynamoDBv2.Model;
using Remittance.Local.Input;
using Remittance.Local.Sqs;
using Remittance.Local.StepFunctions;
using Remittance.Local.Streams;
using Remittance.Pipeline.Ingest;
using Remittance.Pipeline.Start;

namespace Remittance.Local.Run;

/// <summary>Everything observed during a local run, from which the report is built.</summary>
public sealed record LocalRunFacts(
    string Input,
    DateTimeOffset StartedAt,
    TimeSpan Elapsed,
    string DynamoDbLocal,
    IReadOnlyList<string> MessageOrder,
    IReadOnlyDictionary<string, InputMessage> Sources,
    IReadOnlyList<IngestResult> IngestResults,
    IReadOnlyList<StartResult> StartResults,
    IReadOnlyList<QueuedMessage> DeadLetters,
    IReadOnlyList<Dictionary<string, AttributeValue>> Items,
    LocalStepFunctions StepFunctions,
    int IngestInvocations,
    LocalStreamPoller Poller,
    Workflows.RecordingTopics Topics,
    int InvoicesSeeded,
    Faults.FaultPlan Faults,
    int Seed);
