namespace Remittance.Aws.Lambda.RuntimeSupport;

/// <summary>How a <see cref="LambdaBootstrap"/> reaches the Runtime API and bounds each invocation.</summary>
public sealed record LambdaBootstrapOptions
{
    public const string RuntimeApiVariable = "AWS_LAMBDA_RUNTIME_API";

    /// <summary>host:port of the Runtime API; null reads AWS_LAMBDA_RUNTIME_API.</summary>
    public string? RuntimeApiAddress { get; init; }

    /// <summary>
    /// How long before the deadline the handler's token is cancelled, leaving time to post a (partial) response.
    /// Never more than half of the time an invocation has left, so short invocations still get to work.
    /// </summary>
    public TimeSpan CancellationSafetyMargin { get; init; } = TimeSpan.FromSeconds(1);

    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;

    /// <summary>Where the function settings (name, memory, log group) are read from.</summary>
    public Func<string, string?> GetEnvironmentVariable { get; init; } = Environment.GetEnvironmentVariable;

    /// <summary>Where <see cref="Core.ILambdaLogger"/> writes; null is stdout, which Lambda ships to CloudWatch.</summary>
    public TextWriter? FunctionLog { get; init; }

    /// <summary>Where the bootstrap reports its own problems; null is stderr.</summary>
    public TextWriter? RuntimeLog { get; init; }

    /// <summary>Replaces the HTTP stack talking to the Runtime API (tests); the bootstrap does not dispose it.</summary>
    public HttpMessageHandler? HttpMessageHandler { get; init; }
}
