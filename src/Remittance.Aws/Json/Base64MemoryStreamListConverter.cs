using System.Text.Json;
using System.Text.Json.Serialization;

namespace Remittance.Aws.Json;

/// <summary>A list of base64 strings exposed as streams (binary sets, binary list attributes).</summary>
public sealed class Base64MemoryStreamListConverter : JsonConverter<List<MemoryStream>>
{
    public override List<MemoryStream>? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType == JsonTokenType.Null)
        {
            return null;
        }

        if (reader.TokenType != JsonTokenType.StartArray)
        {
            throw new JsonException($"Expected an array of base64 strings but found {reader.TokenType}.");
        }

        var streams = new List<MemoryStream>();
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            streams.Add(new MemoryStream(reader.GetBytesFromBase64()));
        }

        return streams;
    }

    public override void Write(Utf8JsonWriter writer, List<MemoryStream> value, JsonSerializerOptions options)
    {
        writer.WriteStartArray();
        foreach (var stream in value)
        {
            writer.WriteBase64StringValue(stream.ToArray());
        }

        writer.WriteEndArray();
    }
}
