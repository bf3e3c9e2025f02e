namespace Remittance.Bench.ColdStart;

/// <summary>One way of starting a Lambda custom runtime (a published folder's <c>bootstrap</c>), and the invocation it is given first.</summary>
/// <param name="Name">Short name used in logs and tables.</param>
/// <param name="Description">What it is, for the report.</param>
/// <param name="Build">The publish it runs.</param>
/// <param name="Directory">Where that publish is (working directory, LAMBDA_TASK_ROOT): the build's folder, or a copy of it.</param>
/// <param name="Payload">The first invocation's event, given the spawn number.</param>
/// <param name="Check">Throws if the first response is not the expected one.</param>
public sealed record ColdStartVariant(
    string Name,
    string Description,
    ColdStartBuild Build,
    string Directory,
    Func<int, byte[]> Payload,
    Action<string> Check)
{
    public string FileName => Path.Combine(Directory, "bootstrap");

    /// <summary>Extra environment for this variant only (the probe's stage).</summary>
    public IReadOnlyDictionary<string, string> Environment { get; init; } = new Dictionary<string, string>();

    /// <summary>Evict the published folder's files from the page cache before every spawn (the folder is then a copy of its own).</summary>
    public bool ColdPageCache { get; init; }
}
