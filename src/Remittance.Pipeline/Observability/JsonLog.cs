using System.Buffers;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace Remittance.Pipeline.Observability;

/// <summary>
/// Structured one-line JSON logs (what CloudWatch Logs Insights queries best). Callers pass identifiers and codes
/// only: payloads, payee names and account numbers are never logged.
/// </summary>
public sealed class JsonLog(TextWriter writer, TimeProvider time, LogLevel minimum = LogLevel.Info)
{
    private static readonly JsonWriterOptions s_options = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
    [ThreadStatic]
    private static Scratch? s_scratch;

    private readonly Lock _gate = new();

    public static JsonLog Null { get; } = new(TextWriter.Null, TimeProvider.System, LogLevel.None);

    public void Debug(string eventName, params (string Name, object? Value)[] fields) => Write(LogLevel.Debug, eventName, fields);

    public void Info(string eventName, params (string Name, object? Value)[] fields) => Write(LogLevel.Info, eventName, fields);

    public void Warn(string eventName, params (string Name, object? Value)[] fields) => Write(LogLevel.Warn, eventName, fields);

    public void Error(string eventName, params (string Name, object? Value)[] fields) => Write(LogLevel.Error, eventName, fields);

    private void Write(LogLevel level, string eventName, (string Name, object? Value)[] fields)
    {
        if (level < minimum || minimum == LogLevel.None)
        {
            return;
        }

        // Each thread formats into its own reused buffer (taken while in use, so a nested call gets a fresh one).
        var scratch = s_scratch ?? new Scratch();
        s_scratch = null;
        try
        {
            var json = scratch.Start();
            json.WriteStartObject();
            json.WriteString("time", Storage.Timestamps.Format(time.GetUtcNow()));
            json.WriteString("level", LevelName(level));
            json.WriteString("event", eventName);
            foreach (var (name, value) in fields)
            {
                WriteField(json, name, value);
            }

            json.WriteEndObject();
            json.Flush();
            var line = System.Text.Encoding.UTF8.GetString(scratch.Written);
            lock (_gate)
            {
                writer.WriteLine(line);
            }
        }
        finally
        {
            if (scratch.IsSmall)
            {
                s_scratch = scratch;
            }
        }
    }

    private static string LevelName(LogLevel level) => level switch
    {
        LogLevel.Debug => "DEBUG",
        LogLevel.Info => "INFO",
        LogLevel.Warn => "WARN",
        LogLevel.Error => "ERROR",
        _ => level.ToString().ToUpperInvariant(),
    };

    private static void WriteField(Utf8JsonWriter json, string name, object? value)
    {
        switch (value)
        {
            case null:
                json.WriteNull(name);
                break;
            case int number:
                json.WriteNumber(name, number);
                break;
            case long number:
                json.WriteNumber(name, number);
                break;
            case double number:
                json.WriteNumber(name, number);
                break;
            case bool flag:
                json.WriteBoolean(name, flag);
                break;
            case string text:
                json.WriteString(name, text);
                break;
            case IEnumerable<string> values:
                json.WriteStartArray(name);
                foreach (var item in values)
                {
                    json.WriteStringValue(item);
                }

                json.WriteEndArray();
                break;
            default:
                json.WriteString(name, Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture));
                break;
        }
    }

    /// <summary>A line's buffer and writer, reset for every line instead of allocated for it.</summary>
    private sealed class Scratch
    {
        // A thread keeps its buffer only while it stays this small: one huge line must not pin memory for good.
        private const int MaxKeptBytes = 16 * 1024;

        private readonly ArrayBufferWriter<byte> _buffer = new(1024);
        private readonly Utf8JsonWriter _json;

        public Scratch() => _json = new Utf8JsonWriter(_buffer, s_options);

        public ReadOnlySpan<byte> Written => _buffer.WrittenSpan;

        public bool IsSmall => _buffer.Capacity <= MaxKeptBytes;

        public Utf8JsonWriter Start()
        {
            _buffer.ResetWrittenCount();
            _json.Reset(_buffer);
            return _json;
        }
    }
}
