using System.Text.Json;
using System.Text.Json.Serialization;

namespace Remittance.Aws.Runtime;

/// <summary>Reads and writes an <see cref="AwsConstant"/> as its string value.</summary>
public sealed class AwsConstantJsonConverter<T> : JsonConverter<T>
    where T : AwsConstant, IAwsConstant<T>
{
    public override T? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        reader.TokenType == JsonTokenType.Null ? null : T.FindValue(reader.GetString()!);

    public override void Write(Utf8JsonWriter writer, T value, JsonSerializerOptions options) => writer.WriteStringValue(value.Value);
}
