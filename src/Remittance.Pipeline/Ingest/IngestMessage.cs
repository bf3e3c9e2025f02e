namespace Remittance.Pipeline.Ingest;

/// <summary>One queue message as ingest sees it: the transport's ID and the partner's body, verbatim.</summary>
public sealed record IngestMessage(string MessageId, string? Body);
