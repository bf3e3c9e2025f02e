using System.Text.Json;
using BenchmarkDotNet.Attributes;
using Remittance.Aws.Lambda.Serialization;
using Remittance.Aws.Lambda.SQSEvents;
using Remittance.Bench.Support;
using Remittance.Domain;
using Remittance.Pipeline.Contracts;
using Remittance.Pipeline.Observability;
using Remittance.Pipeline.Storage;

namespace Remittance.Bench.Parse;

/// <summary>
/// The ingest handler's own work one stage at a time, on the messages of the handler benchmark (a batch of 10 made
/// from the samples), so the handler's time over the bare SDK can be read stage by stage. Each stage runs alone, on
/// inputs prepared by the stages before it.
/// </summary>
[MemoryDiagnoser]
public class IngestStageBenchmarks
{
    private const int BatchSize = 10;

    private byte[] _batch = [];
    private string[] _bodies = [];
    private ParsedMessage[] _parsed = [];
    private JsonElement[] _elements = [];
    private NewRemittance[] _items = [];
    private RemittanceItemFactory _factory = null!;
    private JsonLog _log = null!;

    [GlobalSetup]
    public void Setup()
    {
        var samples = new SampleMessages(RepositoryPaths.Find());
        _bodies = [.. Enumerable.Range(0, BatchSize).Select(i => samples.Body("cpu", i))];
        _batch = SqsEvents.Payload(_bodies.Select((body, i) => ($"m-{i}", body)));
        _parsed = [.. _bodies.Select(PartnerMessageContract.Instance.Parse)];
        _elements = [.. _parsed.Select(p => p.Element ?? throw new InvalidOperationException("A sample did not parse."))];
        _factory = new RemittanceItemFactory(TimeProvider.System);
        _items = [.. _parsed.Select(_factory.Create)];
        // As in Lambda: formatted in full, then written (here to nowhere).
        _log = new JsonLog(TextWriter.Null, TimeProvider.System);
    }

    [Benchmark(OperationsPerInvoke = BatchSize, Description = "1. SQS event JSON → SQSEvent, batch of 10, per message")]
    public SQSEvent? ReadEvent() => JsonSerializer.Deserialize(_batch, AwsEventsJsonContext.Default.SQSEvent);

    [Benchmark(OperationsPerInvoke = BatchSize, Description = "2. parse + validate (partner message contract), per message")]
    public int Parse()
    {
        var valid = 0;
        foreach (var body in _bodies)
        {
            valid += PartnerMessageContract.Instance.Parse(body).IsValid ? 1 : 0;
        }

        return valid;
    }

    [Benchmark(OperationsPerInvoke = BatchSize, Description = "3. payload hash (canonical JSON + SHA-256 of the parsed body), per message")]
    public int Hash()
    {
        var length = 0;
        foreach (var element in _elements)
        {
            length += PayloadHash.Compute(element).Length;
        }

        return length;
    }

    [Benchmark(OperationsPerInvoke = BatchSize, Description = "4. whole item: hash, message map, execution name, timestamps, size, per message")]
    public int Item()
    {
        var size = 0;
        foreach (var parsed in _parsed)
        {
            size += _factory.Create(parsed).SizeBytes;
        }

        return size;
    }

    [Benchmark(OperationsPerInvoke = BatchSize, Description = "5. ingest.processed log line, per message")]
    public void Log()
    {
        foreach (var item in _items)
        {
            _log.Info("ingest.processed", ("messageId", "m-0"), ("requestId", item.RequestId), ("key", item.RequestId),
                ("outcome", "Accepted"), ("codes", Array.Empty<string>()));
        }
    }

    [Benchmark(OperationsPerInvoke = BatchSize, Description = "6. batch response JSON (no failures), per message")]
    public long Respond()
    {
        using var stream = new MemoryStream();
        JsonSerializer.Serialize(stream, new SQSBatchResponse(), AwsEventsJsonContext.Default.SQSBatchResponse);
        return stream.Length;
    }
}
