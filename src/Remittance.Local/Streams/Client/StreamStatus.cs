using System.Text.Json.Serialization;
using Remittance.Aws.Runtime;

namespace Remittance.Local.Streams.Client;

/// <summary>A stream's status, with the SDK's member names.</summary>
[JsonConverter(typeof(AwsConstantJsonConverter<StreamStatus>))]
public sealed class StreamStatus : AwsConstant, IAwsConstant<StreamStatus>
{
    public static readonly StreamStatus ENABLING = new("ENABLING");
    public static readonly StreamStatus ENABLED = new("ENABLED");
    public static readonly StreamStatus DISABLING = new("DISABLING");
    public static readonly StreamStatus DISABLED = new("DISABLED");

    private StreamStatus(string value)
        : base(value)
    {
    }

    public static StreamStatus FindValue(string value) => value switch
    {
        "ENABLING" => ENABLING,
        "ENABLED" => ENABLED,
        "DISABLING" => DISABLING,
        "DISABLED" => DISABLED,
        _ => new StreamStatus(value),
    };

    public static implicit operator StreamStatus(string value) => FindValue(value);
}
