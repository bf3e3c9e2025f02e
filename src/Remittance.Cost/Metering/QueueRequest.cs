namespace Remittance.Cost.Metering;

/// <summary>One SQS API request and the payload it carried (SQS bills every started 64 KB of a request's payload).</summary>
public sealed record QueueRequest(string Service, QueueAction Action, int Messages, int PayloadBytes);
