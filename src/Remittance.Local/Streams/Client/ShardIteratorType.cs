using System.Text.Json.Serialization;
using Remittance.Aws.Runtime;

namespace Remittance.Local.Streams.Client;

/// <summary>Where in a shard reading starts, with the SDK's member names.</summary>
[JsonConverter(typeof(AwsConstantJsonConverter<ShardIteratorType>))]
public sealed class ShardIteratorType : AwsConstant, IAwsConstant<ShardIteratorType>
{
    public static readonly ShardIteratorType TRIM_HORIZON = new("TRIM_HORIZON");
    public static readonly ShardIteratorType LATEST = new("LATEST");
    public static readonly ShardIteratorType AT_SEQUENCE_NUMBER = new("AT_SEQUENCE_NUMBER");
    public static readonly ShardIteratorType AFTER_SEQUENCE_NUMBER = new("AFTER_SEQUENCE_NUMBER");

    private ShardIteratorType(string value)
        : base(value)
    {
    }

    public static ShardIteratorType FindValue(string value) => value switch
    {
        "TRIM_HORIZON" => TRIM_HORIZON,
        "LATEST" => LATEST,
        "AT_SEQUENCE_NUMBER" => AT_SEQUENCE_NUMBER,
        "AFTER_SEQUENCE_NUMBER" => AFTER_SEQUENCE_NUMBER,
        _ => new ShardIteratorType(value),
    };

    public static implicit operator ShardIteratorType(string value) => FindValue(value);
}
