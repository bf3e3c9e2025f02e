namespace Remittance.Pipeline.Storage;

/// <param name="Outcome">What happened.</param>
/// <param name="ExistingPayloadHash">The stored item's payload hash when it already existed.</param>
public sealed record PutResult(PutOutcome Outcome, string? ExistingPayloadHash = null);
