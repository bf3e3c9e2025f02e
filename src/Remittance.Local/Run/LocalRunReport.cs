namespace Remittance.Local.Run;

public sealed record LocalRunReport
{
    public required string Input { get; init; }

    public required string StartedAt { get; init; }

    public required double DurationSeconds { get; init; }

    public required double MessagesPerSecond { get; init; }

    /// <summary>How the workflows were run, stated plainly (the local runner or a recorded start).</summary>
    public required string WorkflowRunner { get; init; }

    public required string DynamoDbLocal { get; init; }

    public required LocalRunTotals Totals { get; init; }

    public required IReadOnlyList<RemittanceEntry> Remittances { get; init; }

    public required IReadOnlyList<RejectionEntry> Rejections { get; init; }

    public required IReadOnlyList<ConflictEntry> Conflicts { get; init; }

    /// <summary>Every input message and its fate, in input order.</summary>
    public required IReadOnlyList<DeliveryEntry> Deliveries { get; init; }
}
