namespace Remittance.Local.Run;

public sealed record ConflictEntry(string Key, string RequestId, IReadOnlyList<string> Sources, string PayloadHash, string ExistingPayloadHash);
