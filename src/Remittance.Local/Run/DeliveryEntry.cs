namespace Remittance.Local.Run;

public sealed record DeliveryEntry(string Source, string MessageId, string Outcome, int Receives, string? RequestId, string? Key);
