using Remittance.Pipeline.Composition;

namespace Remittance.Pipeline.Tracking;

/// <summary>Failure tracking built from the one composition root.</summary>
public static class TrackingServices
{
    public static TrackingTable CreateTrackingTable(this RemittanceServices services) =>
        new(services.DynamoDb, services.Options.TableName!, services.Time);

    public static FailureRecorder CreateFailureRecorder(this RemittanceServices services) =>
        new(services.CreateTrackingTable(), services.Options.RetryThreshold, services.Log);

    public static ExecutionStatusProcessor CreateExecutionStatusProcessor(this RemittanceServices services) =>
        new(services.CreateFailureRecorder(), services.StepFunctions, services.Log);
}
