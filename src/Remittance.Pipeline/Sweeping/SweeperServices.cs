using Remittance.Pipeline.Composition;
using Remittance.Pipeline.Tracking;

namespace Remittance.Pipeline.Sweeping;

/// <summary>The sweeper built from the one composition root (Lambda, CLI, local host and tests alike).</summary>
public static class SweeperServices
{
    /// <summary>
    /// The sweeper with <paramref name="settings"/> (default: the options'). Which failures get a new execution rather
    /// than a redrive is the service's fact, never the caller's: a sweeper without it would redrive runs into their
    /// Fail state.
    /// </summary>
    public static Sweeper CreateSweeper(this RemittanceServices services, SweeperSettings? settings = null) =>
        new(services.CreateTrackingTable(), services.CreateFailureRecorder(), services.StepFunctions, services.Options.StateMachineArn!,
            (settings ?? SweeperSettings.From(services.Options)) with { NewExecutionErrors = services.Service.NewExecutionErrors }, services.Log);
}
