using Remittance.Pipeline.Contracts;

namespace Remittance.Pipeline.Composition;

/// <summary>
/// What the pipeline's functions need to know about the service they serve, taken from the service catalog (which
/// <c>REMITTANCE_SERVICE</c> selects) and never from a host: what its queue accepts, which workflow failures a redrive
/// cannot fix, and which settings its functions require beyond the pipeline's own.
/// </summary>
/// <param name="Name">The service's name, the value of <c>REMITTANCE_SERVICE</c>.</param>
/// <param name="Contract">What the ingest function accepts on the service's queue.</param>
/// <param name="NewExecutionErrors">
/// Errors the workflow catches into its Fail state: a redrive would resume at that state and fail again, so the
/// sweeper starts a new execution for them.
/// </param>
/// <param name="RequiredSettings">Settings a function of this service cannot start without.</param>
public sealed record ServiceProfile(
    string Name,
    IMessageContract Contract,
    IReadOnlySet<string> NewExecutionErrors,
    IReadOnlyList<RequiredSetting> RequiredSettings);
