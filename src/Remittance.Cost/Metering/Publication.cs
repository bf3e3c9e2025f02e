namespace Remittance.Cost.Metering;

/// <summary>One SNS publish by a workflow (SNS bills every started 64 KB of a published message).</summary>
public sealed record Publication(string Service, string Topic, string RequestId, int Bytes);
