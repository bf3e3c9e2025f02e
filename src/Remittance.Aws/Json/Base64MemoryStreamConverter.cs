using System.Text.Json;
using System.Text.Json.Serialization;

namespace Remittance.Aws.Json;

/// <summary>
/// Binary values travel as base64 strings; the official event packages expose them as <see cref="MemoryStream"/>,
/// so these contracts do too.
/// </summary>
public sealed class Base64MemoryStreamConverter : JsonConverter<MemoryStream>
{
    public override MemoryStream? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        reader.TokenType == JsonTokenType.Null ? null : new MemoryStream(reader.GetBytesFromBase64());

    public override void Write(Utf8JsonWriter writer, MemoryStream value, JsonSerializerOptions options) =>
        writer.WriteBase64StringValue(value.ToArray());
}
