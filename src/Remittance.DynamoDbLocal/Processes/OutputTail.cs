namespace Remittance.DynamoDbLocal.Processes;

/// <summary>
/// The last lines a child process wrote, kept so a failure can say what the process said. The one copy: DynamoDB
/// Local's process, the local host's function processes and publish, and the CDK app's bundling all use it.
/// </summary>
public sealed class OutputTail(int capacity = 40)
{
    private readonly Queue<string> _lines = new();
    private readonly Lock _gate = new();

    public void Add(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_gate)
        {
            _lines.Enqueue(line);
            while (_lines.Count > capacity)
            {
                _lines.Dequeue();
            }
        }
    }

    public bool Contains(string text)
    {
        lock (_gate)
        {
            return _lines.Any(line => line.Contains(text, StringComparison.Ordinal));
        }
    }

    public override string ToString()
    {
        lock (_gate)
        {
            return _lines.Count == 0 ? "(no output)" : string.Join(Environment.NewLine, _lines);
        }
    }
}
