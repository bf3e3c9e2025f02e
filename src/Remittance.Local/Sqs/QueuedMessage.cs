using Remittance.Local.Input;

namespace Remittance.Local.Sqs;

/// <summary>A message in the local queue, with the receive count SQS would report.</summary>
public sealed record QueuedMessage(string MessageId, InputMessage Input, int ReceiveCount, DateTimeOffset SentAt);
