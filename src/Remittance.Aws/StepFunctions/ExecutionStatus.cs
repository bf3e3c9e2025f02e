using System.Text.Json.Serialization;
using Remittance.Aws.Runtime;

namespace Remittance.Aws.StepFunctions;

/// <summary>An execution's status, with the SDK's member names.</summary>
[JsonConverter(typeof(AwsConstantJsonConverter<ExecutionStatus>))]
public sealed class ExecutionStatus : AwsConstant, IAwsConstant<ExecutionStatus>
{
    public static readonly ExecutionStatus RUNNING = new("RUNNING");
    public static readonly ExecutionStatus SUCCEEDED = new("SUCCEEDED");
    public static readonly ExecutionStatus FAILED = new("FAILED");
    public static readonly ExecutionStatus TIMED_OUT = new("TIMED_OUT");
    public static readonly ExecutionStatus ABORTED = new("ABORTED");
    public static readonly ExecutionStatus PENDING_REDRIVE = new("PENDING_REDRIVE");

    private ExecutionStatus(string value)
        : base(value)
    {
    }

    public static ExecutionStatus FindValue(string value) => value switch
    {
        "RUNNING" => RUNNING,
        "SUCCEEDED" => SUCCEEDED,
        "FAILED" => FAILED,
        "TIMED_OUT" => TIMED_OUT,
        "ABORTED" => ABORTED,
        "PENDING_REDRIVE" => PENDING_REDRIVE,
        _ => new ExecutionStatus(value),
    };

    public static implicit operator ExecutionStatus(string value) => FindValue(value);
}
