using System.Text;
using Remittance.Bench.Support;

namespace Remittance.Bench.ColdStart;

/// <summary>
/// What the cold-start benchmark publishes and spawns: the function as its project publishes it (Native AOT) beside a
/// hello-world runtime and the start-up probe published with the same settings; the same three published as composite
/// ReadyToRun (the previous publish) for comparison; copies spawned with a cold page cache; and experiments with the
/// AOT compiler's settings.
/// </summary>
public sealed class ColdStartLineup
{
    public const string FunctionProject = "src/Remittance.Functions";
    private const string HelloProject = "bench/Remittance.Bench.HelloRuntime";
    private const string ProbeProject = "bench/Remittance.Bench.ColdProbe";

    private readonly string _outputRoot;
    private readonly SampleMessages _samples;

    public ColdStartLineup(PublishSettings settings, string outputRoot, SampleMessages samples)
    {
        _outputRoot = outputRoot;
        _samples = samples;
        var r2r = CompositeReadyToRun.Properties;
        var function = new ColdStartBuild("function", FunctionProject, [], "as its project publishes it (Native AOT)");
        var hello = new ColdStartBuild("hello", HelloProject, settings.Arguments(), "with the function's settings");
        var probe = new ColdStartBuild("probe", ProbeProject, settings.Arguments(), "with the function's settings");
        var readyToRunFunction = new ColdStartBuild("r2r-function", FunctionProject, PublishSettings.Format(r2r), "composite ReadyToRun (the previous publish)");
        var readyToRunHello = new ColdStartBuild("r2r-hello", HelloProject, settings.Arguments(r2r), "composite ReadyToRun, the function's other settings");
        var readyToRunProbe = new ColdStartBuild("r2r-probe", ProbeProject, settings.Arguments(r2r), "composite ReadyToRun, the function's other settings");
        var defaultIsa = new ColdStartBuild("function-isa-default", FunctionProject, ["-p:IlcInstructionSet="],
            "Native AOT for the compiler's default instruction set (-p:IlcInstructionSet=)");
        var speed = new ColdStartBuild("function-speed", FunctionProject, ["-p:OptimizationPreference=Speed"], "Native AOT, -p:OptimizationPreference=Speed");
        var size = new ColdStartBuild("function-size", FunctionProject, ["-p:OptimizationPreference=Size"], "Native AOT, -p:OptimizationPreference=Size");

        var functionIngest = Ingest("function-ingest", function, "our function, ingest handler, 1 valid message → PutItem on DynamoDB Local");
        var readyToRunIngest = Ingest("r2r-ingest", readyToRunFunction, "our function, composite R2R, 1 valid message → PutItem");
        Variants =
        [
            HelloVariant("hello", hello, "hello-world custom runtime, published as the function is (Native AOT)"),
            Empty("function-empty", function, "our function, ingest handler, SQS event with no records (runtime start + init + handler, no AWS call)"),
            functionIngest,
            Stage("runtime", probe, "our Runtime API loop (Remittance.Aws LambdaBootstrap), constant response", Empty),
            Stage("json", probe, "+ SQS event read and batch response written (source-generated JSON)", Empty),
            Stage("services", probe, "+ options from the environment, composition root (no AWS client)", Empty),
            Stage("client", probe, "+ AmazonDynamoDBClient built in init (as the function's init does)", Empty),
            Stage("put", probe, "+ 1 message → one conditional PutItem of a minimal item (first AWS call, none of our ingest code)", Ingest),
            HelloVariant("r2r-hello", readyToRunHello, "hello-world custom runtime, composite R2R"),
            Empty("r2r-empty", readyToRunFunction, "our function, composite R2R, no records"),
            readyToRunIngest,
            Stage("client", readyToRunProbe, "probe to the AmazonDynamoDBClient, composite R2R", Empty, "r2r-"),
            Stage("put", readyToRunProbe, "probe with the first PutItem, composite R2R", Ingest, "r2r-"),
            Cold(functionIngest),
            Cold(readyToRunIngest),
            Empty("isa-default-empty", defaultIsa, "our function, Native AOT for the compiler's default instruction set, no records"),
            Ingest("isa-default-ingest", defaultIsa, "the same build, 1 valid message → PutItem"),
            Ingest("speed-ingest", speed, "our function, Native AOT with OptimizationPreference=Speed, 1 valid message → PutItem"),
            Ingest("size-ingest", size, "our function, Native AOT with OptimizationPreference=Size, 1 valid message → PutItem"),
        ];

        // Untimed: the probe's stopwatch marks inside the function's own init and first ingest.
        Steps =
        [
            Stage("steps", probe, "the function's init and ingest handler with stopwatch marks, Native AOT", Ingest),
            Stage("steps", readyToRunProbe, "the same, composite R2R", Ingest, "r2r-"),
            Stage("steps-split", probe, "the same with pieces split out, Native AOT", Ingest),
        ];
    }

    public IReadOnlyList<ColdStartVariant> Variants { get; private set; }

    public IReadOnlyList<ColdStartVariant> Steps { get; private set; }

    /// <summary>Keeps only the named variants, timed or untimed (an investigation run: <c>--only</c>).</summary>
    public void KeepOnly(IReadOnlySet<string> names)
    {
        Variants = [.. Variants.Where(v => names.Contains(v.Name))];
        Steps = [.. Steps.Where(v => names.Contains(v.Name))];
    }

    /// <summary>Every build a variant runs, each once.</summary>
    public IReadOnlyList<ColdStartBuild> Builds => [.. Variants.Concat(Steps).Select(v => v.Build).Distinct()];

    private ColdStartVariant HelloVariant(string name, ColdStartBuild build, string description) =>
        new(name, description, build, build.Directory(_outputRoot), _ => "{}"u8.ToArray(), ExpectHello);

    private ColdStartVariant Empty(string name, ColdStartBuild build, string description) =>
        new(name, description, build, build.Directory(_outputRoot), _ => """{"Records":[]}"""u8.ToArray(), NoFailures);

    private ColdStartVariant Ingest(string name, ColdStartBuild build, string description) =>
        new(name, description, build, build.Directory(_outputRoot), spawn => SqsEvents.Payload([($"m-{name}-{spawn}", _samples.Body(name, spawn))]), NoFailures);

    /// <summary>The variant spawned from a copy of its folder, evicted from the page cache before each spawn.</summary>
    private ColdStartVariant Cold(ColdStartVariant warm) =>
        Ingest(warm.Name + "-cold", warm.Build, $"`{warm.Name}`, its package evicted from the page cache before each spawn") with
        {
            Directory = warm.Directory + "-cold",
            ColdPageCache = true,
        };

    private ColdStartVariant Stage(string stage, ColdStartBuild build, string description,
        Func<string, ColdStartBuild, string, ColdStartVariant> shape, string prefix = "") =>
        shape($"{prefix}probe-{stage}", build, description) with
        {
            Environment = new Dictionary<string, string> { ["REMITTANCE_PROBE_STAGE"] = stage },
        };

    private static void ExpectHello(string response)
    {
        if (response != "\"hello\"")
        {
            throw new InvalidOperationException($"Unexpected first response: {response}");
        }
    }

    private static void NoFailures(string response)
    {
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes(response));
        if (SqsEvents.FailureCount(stream) != 0)
        {
            throw new InvalidOperationException($"The ingest function reported failures: {response}");
        }
    }
}
