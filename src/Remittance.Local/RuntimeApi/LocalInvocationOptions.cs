namespace Remittance.Local.RuntimeApi;

/// <summary>Per-invocation settings; anything left null takes the <see cref="LocalRuntimeApiOptions"/> default.</summary>
public sealed record LocalInvocationOptions
{
    public string? RequestId { get; init; }

    public TimeSpan? Timeout { get; init; }

    public TimeSpan? PickupTimeout { get; init; }

    public string? InvokedFunctionArn { get; init; }

    /// <summary>The X-Ray header sent as Lambda-Runtime-Trace-Id.</summary>
    public string? TraceId { get; init; }

    /// <summary>Raw JSON sent as Lambda-Runtime-Client-Context.</summary>
    public string? ClientContext { get; init; }

    /// <summary>Raw JSON sent as Lambda-Runtime-Cognito-Identity.</summary>
    public string? CognitoIdentity { get; init; }
}
