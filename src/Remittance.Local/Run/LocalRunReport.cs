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

    /// <summary>What ran the functions: in process, or the published binary (--runtime).</summary>
    public required string FunctionsRuntime { get; init; }

    /// <summary>The --faults plan and the seed, so a run can be repeated.</summary>
    public string Faults { get; init; } = "none";

    public int Seed { get; init; }

    /// <summary>How many faults were injected at each point.</summary>
    public IReadOnlyDictionary<string, int> FaultsInjected { get; init; } = new Dictionary<string, int>();

    public required LocalRunTotals Totals { get; init; }

    public required IReadOnlyList<RemittanceEntry> Remittances { get; init; }

    public required IReadOnlyList<RejectionEntry> Rejections { get; init; }

    public required IReadOnlyList<ConflictEntry> Conflicts { get; init; }

    /// <summary>Every input message and its fate, in input order.</summary>
    public required IReadOnlyList<DeliveryEntry> Deliveries { get; init; }
}
