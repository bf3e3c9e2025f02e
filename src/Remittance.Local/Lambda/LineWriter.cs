using System.Text;

namespace Remittance.Local.Lambda;

/// <summary>A log writer that hands each complete line to <paramref name="onLine"/>, as CloudWatch Logs receives a function's output.</summary>
public sealed class LineWriter(Action<string> onLine) : TextWriter
{
    private readonly StringBuilder _line = new();
    private readonly Lock _gate = new();

    public override Encoding Encoding => Encoding.UTF8;

    public override void Write(char value)
    {
        string? complete = null;
        lock (_gate)
        {
            if (value == '\n')
            {
                complete = _line.ToString().TrimEnd('\r');
                _line.Clear();
            }
            else
            {
                _line.Append(value);
            }
        }

        if (complete is not null)
        {
            onLine(complete);
        }
    }

    public override void Write(string? value)
    {
        foreach (var c in value ?? string.Empty)
        {
            Write(c);
        }
    }

    public override void WriteLine(string? value)
    {
        string complete;
        lock (_gate)
        {
            complete = _line.Append(value).ToString().TrimEnd('\r');
            _line.Clear();
        }

        onLine(complete);
    }
}
