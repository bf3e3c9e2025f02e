namespace Remittance.Bench.ColdStart;

/// <summary>One way of starting a Lambda custom runtime, and the invocation it is given first.</summary>
/// <param name="Name">Short name used in logs and tables.</param>
/// <param name="Section">Which table it belongs in: the comparison, the attribution, or an experiment.</param>
/// <param name="Description">What it is, for the report.</param>
/// <param name="Directory">The published directory (working directory, LAMBDA_TASK_ROOT).</param>
/// <param name="FileName">What is executed: the bootstrap binary, or the dotnet host for a framework-dependent build.</param>
/// <param name="Arguments">Arguments (bootstrap.dll for the dotnet host).</param>
/// <param name="Payload">The first invocation's event, given the spawn number.</param>
/// <param name="Check">Throws if the first response is not the expected one.</param>
public sealed record ColdStartVariant(
    string Name,
    string Section,
    string Description,
    string Directory,
    string FileName,
    IReadOnlyList<string> Arguments,
    Func<int, byte[]> Payload,
    Action<string> Check)
{
    /// <summary>Extra environment for this variant only (diagnostics: EventPipe tracing, runtime knobs).</summary>
    public IReadOnlyDictionary<string, string> Environment { get; init; } = new Dictionary<string, string>();
}
