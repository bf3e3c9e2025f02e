using Remittance.Domain;

namespace Remittance.Pipeline.Ingest;

/// <param name="MessageId">The queue message.</param>
/// <param name="Outcome">What ingest did with it.</param>
/// <param name="Key">The table key written (remittance, rejection or conflict record), if any.</param>
/// <param name="RequestId">The partner's request ID, when it was usable.</param>
/// <param name="Reasons">Why it was rejected, or why it must be retried.</param>
public sealed record IngestResult(
    string MessageId,
    IngestOutcome Outcome,
    string? Key,
    string? RequestId,
    IReadOnlyList<ValidationError> Reasons);
