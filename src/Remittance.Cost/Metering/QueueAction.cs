namespace Remittance.Cost.Metering;

public enum QueueAction
{
    /// <summary>A message sent to a service's ingest queue (by a partner, or delivered by SNS).</summary>
    Send,

    /// <summary>Lambda's event source receiving one batch.</summary>
    Receive,

    /// <summary>Lambda's event source deleting the batch's processed messages (one DeleteMessageBatch).</summary>
    Delete,
}
