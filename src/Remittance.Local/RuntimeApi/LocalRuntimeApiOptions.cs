namespace Remittance.Local.RuntimeApi;

/// <summary>Defaults for the invocations a <see cref="LocalRuntimeApi"/> hands out.</summary>
public sealed record LocalRuntimeApiOptions
{
    public string FunctionArn { get; init; } = "arn:aws:lambda:us-east-1:123456789012:function:local";

    /// <summary>The function timeout: the deadline header is this long after the runtime takes the invocation.</summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>How long an invocation may wait for a runtime to ask for it before the caller is told none did.</summary>
    public TimeSpan PickupTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>How long after the deadline a response is still awaited before the invocation counts as timed out.</summary>
    public TimeSpan DeadlineGrace { get; init; } = TimeSpan.FromSeconds(2);

    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;
}
