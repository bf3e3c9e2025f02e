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
    int StreamRecordsToOnFailureDestination);
