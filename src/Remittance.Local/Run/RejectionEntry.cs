namespace Remittance.Local.Run;

public sealed record RejectionEntry(string Key, string? RequestId, IReadOnlyList<string> Sources, IReadOnlyList<ReasonEntry> Reasons);
