using System.Text.Json.Serialization;
using Remittance.Aws.Runtime;

namespace Remittance.Aws.StepFunctions;

/// <summary>Whether an execution can be redriven, with the SDK's member names.</summary>
[JsonConverter(typeof(AwsConstantJsonConverter<ExecutionRedriveStatus>))]
public sealed class ExecutionRedriveStatus : AwsConstant, IAwsConstant<ExecutionRedriveStatus>
{
    public static readonly ExecutionRedriveStatus REDRIVABLE = new("REDRIVABLE");
    public static readonly ExecutionRedriveStatus NOT_REDRIVABLE = new("NOT_REDRIVABLE");
    public static readonly ExecutionRedriveStatus REDRIVABLE_BY_MAP_RUN = new("REDRIVABLE_BY_MAP_RUN");

    private ExecutionRedriveStatus(string value)
        : base(value)
    {
    }

    public static ExecutionRedriveStatus FindValue(string value) => value switch
    {
        "REDRIVABLE" => REDRIVABLE,
        "NOT_REDRIVABLE" => NOT_REDRIVABLE,
        "REDRIVABLE_BY_MAP_RUN" => REDRIVABLE_BY_MAP_RUN,
        _ => new ExecutionRedriveStatus(value),
    };

    public static implicit operator ExecutionRedriveStatus(string value) => FindValue(value);
}
