using Amazon.DynamoDBv2.Model;
using Remittance.Aws.StepFunctions;
using Remittance.Domain;
using Remittance.Pipeline.Sweeping;
using Remittance.Pipeline.Tracking;

namespace Remittance.IntegrationTests.Sweeping;

/// <summary>The sweeper's decisions as a table: an item's state and its execution's in, what to do out. Pure, no table.</summary>
public sealed class ReDrivePolicyTests
{
    private const string RequestId = "req-1";
    private const string CaughtError = "InvoiceNotFoundError";
    private const string NoExecution = "-";

    private static readonly ReDrivePolicy s_policy = new(new HashSet<string>([CaughtError], StringComparer.Ordinal));

    /// <summary>Which name a decision runs under: the item's own execution, or attempt N's generated name.</summary>
    private static string Expected(string name, TrackedItem item) => name == "same" ? item.ExecutionName : ExecutionName.For(RequestId, int.Parse(name[8..]));

    public static TheoryData<string, bool, string?, int, SweepChoice, int, string, string?> Waiting => new()
    {
        // status, redrivable, error, item attempt -> choice, attempt, name ("same" or "attempt N"), reason
        { "FAILED", true, "Lambda.ServiceException", 1, SweepChoice.Redrive, 2, "same", null },
        { "FAILED", true, CaughtError, 1, SweepChoice.Start, 2, "attempt 2", null },
        { "FAILED", false, "Lambda.ServiceException", 1, SweepChoice.Start, 2, "attempt 2", null },
        { "TIMED_OUT", false, "States.Timeout", 2, SweepChoice.Start, 3, "attempt 3", null },
        { "ABORTED", true, null, 1, SweepChoice.Redrive, 2, "same", null },
        { NoExecution, false, null, 1, SweepChoice.Start, 2, "attempt 2", ReDrivePolicy.NoExecution },
        { "RUNNING", false, null, 1, SweepChoice.Skip, 1, "same", $"its execution {ExecutionName.For(RequestId, 1)} is RUNNING" },
        { "PENDING_REDRIVE", false, null, 1, SweepChoice.Skip, 1, "same", $"its execution {ExecutionName.For(RequestId, 1)} is PENDING_REDRIVE" },
        {
            "SUCCEEDED", false, null, 1, SweepChoice.Refuse, 1, "same",
            $"execution {ExecutionName.For(RequestId, 1)} SUCCEEDED but the item still waits for a re-drive; no new run started"
        },
        {
            "PAUSED", false, null, 1, SweepChoice.Skip, 1, "same",
            $"its execution {ExecutionName.For(RequestId, 1)} is in a status the sweeper does not know (PAUSED)"
        },
        { "FAILED", true, "Lambda.ServiceException", int.MaxValue, SweepChoice.Refuse, int.MaxValue, "same", "the attempt counter is exhausted" },
    };

    [Theory]
    [MemberData(nameof(Waiting))]
    public void ForWaiting_RedrivesWhatCanResume_StartsWhatCannot_AndRefusesWhatCouldDoHarm(
        string status, bool redrivable, string? error, int attempt, SweepChoice choice, int expectedAttempt, string name, string? reason)
    {
        var item = Item(attempt);

        var decision = s_policy.ForWaiting(item, Execution(status, redrivable, error));

        Assert.Equal(new SweepDecision(choice, expectedAttempt, Expected(name, item), reason), decision);
    }

    public static TheoryData<string, bool, SweepChoice, string?> Stuck => new()
    {
        // status, redrivable -> choice (always under the claimed attempt and name), reason
        { NoExecution, false, SweepChoice.Start, ReDrivePolicy.NeverStarted },
        { "RUNNING", false, SweepChoice.Skip, $"its execution {ExecutionName.For(RequestId, 2)} is still RUNNING" },
        { "PENDING_REDRIVE", false, SweepChoice.Skip, $"its execution {ExecutionName.For(RequestId, 2)} is still PENDING_REDRIVE" },
        { "SUCCEEDED", false, SweepChoice.Refuse, $"execution {ExecutionName.For(RequestId, 2)} SUCCEEDED but its success is not recorded on the item" },
        { "FAILED", true, SweepChoice.RecordFailure, null },
        { "TIMED_OUT", false, SweepChoice.RecordFailure, null },
        { "ABORTED", false, SweepChoice.RecordFailure, null },
        { "PAUSED", false, SweepChoice.Skip, $"its execution {ExecutionName.For(RequestId, 2)} is in a status the sweeper does not know (PAUSED)" },
    };

    [Theory]
    [MemberData(nameof(Stuck))]
    public void ForStuck_StartsANeverStartedClaim_RecordsAnUnreportedFailure_AndRefusesAnUnrecordedSuccess(
        string status, bool redrivable, SweepChoice choice, string? reason)
    {
        var item = Item(2);

        var decision = ReDrivePolicy.ForStuck(item, Execution(status, redrivable, "States.Timeout"));

        Assert.Equal(new SweepDecision(choice, 2, item.ExecutionName, reason), decision);
    }

    public static TheoryData<bool, string?, int, int, SweepChoice, int, string> Resumed => new()
    {
        // redrivable, error, item attempt, attempt the item's execution belongs to -> choice, attempt, name
        { true, "Lambda.ServiceException", 2, 1, SweepChoice.Redrive, 2, "same" },
        { true, CaughtError, 2, 1, SweepChoice.Start, 2, "attempt 2" },
        { false, "Lambda.ServiceException", 2, 1, SweepChoice.Start, 2, "attempt 2" },
        { false, "Lambda.ServiceException", 2, 2, SweepChoice.Start, 3, "attempt 3" },
    };

    [Theory]
    [MemberData(nameof(Resumed))]
    public void ForResumedClaim_RedrivesWhenItStillCan_OrStartsTheNextNameNotYetUsed(
        bool redrivable, string? error, int attempt, int executionOf, SweepChoice choice, int expectedAttempt, string name)
    {
        var item = Item(attempt, ExecutionName.For(RequestId, executionOf));

        var decision = s_policy.ForResumedClaim(item, Execution("FAILED", redrivable, error)!);

        Assert.Equal(new SweepDecision(choice, expectedAttempt, Expected(name, item), ReDrivePolicy.ResumedClaim), decision);
    }

    [Fact]
    public void FailureOf_TakesTheExecutionsErrorAndCause_OrItsStatusWhenItHasNone()
    {
        var item = Item(1);

        var timedOut = ReDrivePolicy.FailureOf(item, new DescribeExecutionResponse { Status = ExecutionStatus.TIMED_OUT, RedriveCount = 2 });
        var failed = ReDrivePolicy.FailureOf(item, new DescribeExecutionResponse { Status = ExecutionStatus.FAILED, Error = "E", Cause = "C" });

        Assert.Equal(new ExecutionFailure(RequestId, item.ExecutionName, "TIMED_OUT", "execution TIMED_OUT", 2), timedOut);
        Assert.Equal(new ExecutionFailure(RequestId, item.ExecutionName, "E", "C", 0), failed);
    }

    private static TrackedItem Item(int attempt, string? executionName = null) =>
        new(RequestId, "FAILED", 3, attempt, executionName ?? ExecutionName.For(RequestId, attempt), DateTimeOffset.UnixEpoch,
            OnRetryIndex: true, OnFailedIndex: false, OnRunningIndex: false, LastFailure: null, new Dictionary<string, AttributeValue>());

    private static DescribeExecutionResponse? Execution(string status, bool redrivable, string? error) => status == NoExecution
        ? null
        : new DescribeExecutionResponse
        {
            Status = ExecutionStatus.FindValue(status),
            RedriveStatus = redrivable ? ExecutionRedriveStatus.REDRIVABLE : ExecutionRedriveStatus.NOT_REDRIVABLE,
            Error = error,
        };
}
