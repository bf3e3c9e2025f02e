using System.Text.Json;
using System.Text.Json.Serialization;

namespace Remittance.Aws.Json;

/// <summary>A UTC instant carried as epoch seconds, possibly fractional (DynamoDB Streams, Step Functions API).</summary>
public sealed class EpochSecondsConverter : JsonConverter<DateTime>
{
    public override DateTime Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        EpochTime.FromSeconds(EpochTime.ReadNumber(ref reader));

    public override void Write(Utf8JsonWriter writer, DateTime value, JsonSerializerOptions options) =>
        EpochTime.WriteNumber(writer, EpochTime.ToSeconds(value));
}
