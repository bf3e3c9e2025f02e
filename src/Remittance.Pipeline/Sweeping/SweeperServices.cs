using Remittance.Pipeline.Composition;
using Remittance.Pipeline.Tracking;

namespace Remittance.Pipeline.Sweeping;

/// <summary>The sweeper built from the one composition root (Lambda, CLI, local host and tests alike).</summary>
public static class SweeperServices
{
    public static Sweeper CreateSweeper(this RemittanceServices services, SweeperSettings? settings = null) =>
        new(services.CreateTrackingTable(), services.CreateFailureRecorder(), services.StepFunctions, services.Options.StateMachineArn!,
            settings ?? SweeperSettings.From(services.Options), services.Log);
}
