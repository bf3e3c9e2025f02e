using System.Text.Json;
using System.Text.Json.Serialization;

namespace Remittance.Aws.Json;

/// <summary>An optional UTC instant carried as epoch milliseconds (EventBridge detail of Step Functions).</summary>
public sealed class NullableEpochMillisecondsConverter : JsonConverter<DateTime?>
{
    public override bool HandleNull => true;

    public override DateTime? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        reader.TokenType == JsonTokenType.Null ? null : EpochTime.FromMilliseconds(EpochTime.ReadNumber(ref reader));

    public override void Write(Utf8JsonWriter writer, DateTime? value, JsonSerializerOptions options)
    {
        if (value is { } instant)
        {
            EpochTime.WriteNumber(writer, EpochTime.ToMilliseconds(instant));
        }
        else
        {
            writer.WriteNullValue();
        }
    }
}
