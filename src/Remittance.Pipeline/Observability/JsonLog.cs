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

        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, s_options))
        {
            json.WriteStartObject();
            json.WriteString("time", Storage.Timestamps.Format(time.GetUtcNow()));
            json.WriteString("level", level.ToString().ToUpperInvariant());
            json.WriteString("event", eventName);
            foreach (var (name, value) in fields)
            {
                WriteField(json, name, value);
            }

            json.WriteEndObject();
        }

        var line = System.Text.Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
        lock (_gate)
        {
            writer.WriteLine(line);
        }
    }

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
}
