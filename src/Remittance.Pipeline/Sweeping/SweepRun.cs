using Remittance.Pipeline.Observability;

namespace Remittance.Pipeline.Sweeping;

/// <summary>The state of one sweep (never of the sweeper): what was seen, done, skipped and failed.</summary>
internal sealed class SweepRun(SweepRequest request, ThrottledStepFunctions stepFunctions, JsonLog log)
{
    private readonly Lock _gate = new();
    private readonly HashSet<string> _seen = new(StringComparer.Ordinal);
    private readonly List<SweepAction> _actions = [];
    private readonly List<SkippedItem> _skipped = [];
    private readonly List<SweepError> _errors = [];
    private int _examined;
    private string? _stoppedBecause;

    public SweepRequest Request => request;

    /// <summary>This sweep's Step Functions calls: every StartExecution and RedriveExecution shares one token bucket.</summary>
    public ThrottledStepFunctions StepFunctions => stepFunctions;

    public bool IsFull
    {
        get
        {
            lock (_gate)
            {
                return request.MaxItems is { } max && _examined >= max;
            }
        }
    }

    /// <summary>
    /// Admits an item for examination: false when it was already examined in this sweep (an item moves between
    /// indexes while a sweep runs) or when maxItems is reached.
    /// </summary>
    public bool TryBegin(string requestId)
    {
        lock (_gate)
        {
            if (_seen.Contains(requestId))
            {
                return false;
            }

            if (request.MaxItems is { } max && _examined >= max)
            {
                _stoppedBecause ??= $"stopped after maxItems ({max}) items; the next sweep continues";
                return false;
            }

            _seen.Add(requestId);
            _examined++;
            return true;
        }
    }

    public void Act(SweepAction action)
    {
        log.Info("sweep.action", ("requestId", action.RequestId), ("action", action.Action.ToString()), ("executionName", action.ExecutionName),
            ("attempt", action.Attempt), ("detail", action.Detail), ("dryRun", request.DryRun));
        lock (_gate)
        {
            _actions.Add(action);
        }
    }

    public void Skip(string requestId, string reason)
    {
        log.Info("sweep.skipped", ("requestId", requestId), ("reason", reason));
        lock (_gate)
        {
            _skipped.Add(new SkippedItem(requestId, reason));
        }
    }

    public void Fail(string requestId, string error, bool leftClaimed = false)
    {
        log.Warn("sweep.error", ("requestId", requestId), ("error", error), ("leftClaimed", leftClaimed));
        lock (_gate)
        {
            _errors.Add(new SweepError(requestId, error, leftClaimed));
        }
    }

    public void Stop(string reason)
    {
        lock (_gate)
        {
            _stoppedBecause = reason;
        }
    }

    public SweepSummary ToSummary()
    {
        lock (_gate)
        {
            var actions = _actions.OrderBy(a => a.RequestId, StringComparer.Ordinal).ToList();
            var leftClaimed = _errors.Count(e => e.LeftClaimed);
            var note = leftClaimed == 0
                ? _stoppedBecause
                : string.Join(" ", new[]
                {
                    _stoppedBecause,
                    $"{leftClaimed} item(s) stay claimed (status RUNNING, on the running index) under their recorded execution name; " +
                    "a sweep with stuckAfterMinutes starts or redrives them.",
                }.OfType<string>());
            return new SweepSummary(
                request.DryRun,
                _examined,
                new ReDrivenCounts(actions.Count(a => a.Action == SweepActionKind.Redrive), actions.Count(a => a.Action == SweepActionKind.Start)),
                actions,
                [.. _skipped.OrderBy(s => s.RequestId, StringComparer.Ordinal)],
                [.. _errors.OrderBy(e => e.RequestId, StringComparer.Ordinal)],
                _stoppedBecause is not null,
                note);
        }
    }
}
