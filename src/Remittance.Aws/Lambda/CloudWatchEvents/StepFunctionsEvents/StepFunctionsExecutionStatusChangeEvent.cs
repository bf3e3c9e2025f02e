namespace Remittance.Aws.Lambda.CloudWatchEvents.StepFunctionsEvents;

/// <summary>"Step Functions Execution Status Change" from source "aws.states" (standard workflows only).</summary>
public class StepFunctionsExecutionStatusChangeEvent : CloudWatchEvent<StepFunctionsExecutionStatusChangeDetail>
{
    public const string EventDetailType = "Step Functions Execution Status Change";

    public const string EventSource = "aws.states";
}
