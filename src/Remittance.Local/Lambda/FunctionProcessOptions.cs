namespace Remittance.Local.Lambda;

/// <summary>
/// One function as Lambda would run it from the published binary: the executable, the function's own environment
/// (what its configuration sets, nothing inherited from this process), its timeout and how many instances may run.
/// </summary>
public sealed record FunctionProcessOptions
{
    /// <summary>The published <c>bootstrap</c> executable (see <see cref="FunctionsBinary"/>).</summary>
    public required string BootstrapPath { get; init; }

    /// <summary>The function's name, e.g. <c>enrichment-ingest</c>: AWS_LAMBDA_FUNCTION_NAME and the ARN's last part.</summary>
    public required string FunctionName { get; init; }

    /// <summary>The function's configured variables (<c>_HANDLER</c> among them). The process gets these and what Lambda itself sets, nothing else.</summary>
    public IReadOnlyDictionary<string, string> Environment { get; init; } = new Dictionary<string, string>();

    /// <summary>How many instances (processes) may run at once; invocations beyond that wait for an idle one.</summary>
    public int MaxInstances { get; init; } = 4;

    /// <summary>The function's configured timeout, per invocation: the deadline the runtime is given.</summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>AWS_LAMBDA_FUNCTION_MEMORY_SIZE. Informational: no limit is enforced on the process.</summary>
    public int MemorySizeMb { get; init; } = 512;

    /// <summary>
    /// How long a new instance may take to start and initialise (first poll of the Runtime API). Longer than Lambda's
    /// 10 s: a shared machine starting several processes at once is slower than a Lambda host.
    /// </summary>
    public TimeSpan InitTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// Receives every line every instance writes to stdout or stderr: the function's log, what CloudWatch would get.
    /// Called one line at a time (never concurrently), from a background thread.
    /// </summary>
    public Action<string>? OnLogLine { get; init; }

    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;

    internal void Validate()
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(BootstrapPath);
        ArgumentException.ThrowIfNullOrWhiteSpace(FunctionName);
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxInstances, 1);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(Timeout, TimeSpan.Zero);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(InitTimeout, TimeSpan.Zero);
        if (!File.Exists(BootstrapPath))
        {
            throw new FileNotFoundException($"No function binary at '{BootstrapPath}': publish src/Remittance.Functions first (FunctionsBinary does).", BootstrapPath);
        }
    }
}
