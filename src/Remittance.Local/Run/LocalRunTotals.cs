namespace Remittance.Local.Run;

public sealed record LocalRunTotals(
    int Messages,
    int Accepted,
    int Duplicates,
    int Conflicts,
    int Rejected,
    int DeadLettered,
    int Redeliveries,
    int IngestInvocations,
    int StreamInvocations,
    int ExecutionsStarted,
    int StartsAlreadyRunning,
    int StreamRecordsToOnFailureDestination,
    int ExecutionsSucceeded = 0,
    int ExecutionsFailed = 0,
    int EnrichedPublished = 0,
    int InvoicesSeeded = 0,
    int StartExecutionCalls = 0,
    int Sweeps = 0,
    int ReDriven = 0,
    int OnRetryIndex = 0,
    int OnFailedIndex = 0);
