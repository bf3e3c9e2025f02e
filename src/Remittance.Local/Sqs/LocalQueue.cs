using Remittance.Local.Input;

namespace Remittance.Local.Sqs;

/// <summary>
/// The ingest queue as the local host models it: batches of up to ten, a message reported as failed (or in a batch
/// whose invocation crashed) becomes visible again, and after <c>maxReceiveCount</c> receives it moves to the
/// dead-letter queue, as an SQS redrive policy would do.
/// </summary>
public sealed class LocalQueue(TimeProvider time, int maxReceiveCount = LocalQueue.DefaultMaxReceiveCount)
{
    public const int DefaultMaxReceiveCount = 5;
    public const int MaxBatchSize = 10;

    private readonly Queue<QueuedMessage> _visible = new();

    public int MaxReceiveCount => maxReceiveCount;
    private readonly List<QueuedMessage> _deadLetters = [];
    private readonly Lock _gate = new();
    private int _inFlight;

    public IReadOnlyList<QueuedMessage> DeadLetters
    {
        get
        {
            lock (_gate)
            {
                return [.. _deadLetters];
            }
        }
    }

    /// <summary>True when nothing is visible and nothing is being processed.</summary>
    public bool IsDrained
    {
        get
        {
            lock (_gate)
            {
                return _visible.Count == 0 && _inFlight == 0;
            }
        }
    }

    public string Send(InputMessage input)
    {
        var message = new QueuedMessage(Guid.NewGuid().ToString(), input, 0, time.GetUtcNow());
        lock (_gate)
        {
            _visible.Enqueue(message);
        }

        return message.MessageId;
    }

    /// <summary>Takes up to <paramref name="max"/> visible messages, counting this receive.</summary>
    public IReadOnlyList<QueuedMessage> Receive(int max = MaxBatchSize)
    {
        lock (_gate)
        {
            var batch = new List<QueuedMessage>(Math.Min(max, _visible.Count));
            while (batch.Count < max && _visible.TryDequeue(out var message))
            {
                batch.Add(message with { ReceiveCount = message.ReceiveCount + 1 });
            }

            _inFlight += batch.Count;
            return batch;
        }
    }

    /// <summary>Settles a received batch: failed messages return to the queue or, out of receives, to the DLQ.</summary>
    public void Complete(IReadOnlyList<QueuedMessage> batch, IReadOnlySet<string> failedMessageIds)
    {
        lock (_gate)
        {
            _inFlight -= batch.Count;
            foreach (var message in batch.Where(m => failedMessageIds.Contains(m.MessageId)))
            {
                if (message.ReceiveCount >= maxReceiveCount)
                {
                    _deadLetters.Add(message);
                }
                else
                {
                    _visible.Enqueue(message);
                }
            }
        }
    }
}
