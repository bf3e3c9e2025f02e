using System.Collections.Concurrent;
using Remittance.Pipeline.Schema;
using Remittance.Workflows.Definition;
using Remittance.Workflows.Steps;

namespace Remittance.Cost.MeteredRun;

/// <summary>
/// A deterministic fault (the fault plan is random): the first enrich of each request ID fails after its lookup ran,
/// as if the invoice had not arrived yet. <see cref="InvoiceNotFoundError"/> is neither retried nor caught by the
/// workflow, so the run fails at the enrich task and is re-driven by the sweeper; every later enrich succeeds.
/// </summary>
public sealed class FirstEnrichFailsOnce
{
    private readonly ConcurrentDictionary<string, bool> _failed = new(StringComparer.Ordinal);

    public Exception? After(StepContext context, string step) =>
        step == WorkflowSteps.Enrich && (string?)context.Input[ItemAttributes.RequestId] is { } requestId && _failed.TryAdd(requestId, true)
            ? new InvoiceNotFoundError($"cost scenario: the invoices of {requestId} are not loaded yet (first enrich only)")
            : null;
}
