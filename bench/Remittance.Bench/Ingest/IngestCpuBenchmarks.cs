using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using BenchmarkDotNet.Attributes;
using Remittance.Aws.Lambda.RuntimeSupport;
using Remittance.Bench.Support;
using Remittance.Local.Lambda;
using Remittance.Pipeline.Composition;
using Remittance.Workflows.Composition;
using Remittance.Pipeline.Contracts;
using Remittance.Pipeline.Functions;
using Remittance.Pipeline.Schema;
using Remittance.Pipeline.Storage;

namespace Remittance.Bench.Ingest;

/// <summary>
/// The ingest handler's CPU per message with DynamoDB taken out of the picture (a stub HTTP handler answers every
/// call, so nothing waits on I/O): next to the bare SDK call it makes, this is the handler's own overhead without the
/// noise of a server. Issue 11 makes the ratio of the two rows the headline ingest overhead.
/// </summary>
[MemoryDiagnoser]
public class IngestCpuBenchmarks
{
    public const string Bare = "bare SDK, 10 conditional PutItems in flight (stub HTTP), per message";
    public const string Handler = "ingest handler, batch of 10 (stub HTTP), per message";

    private const int BatchSize = 10;
    private IAmazonDynamoDB _dynamoDb = null!;
    private FunctionInstance _function = null!;
    private HandlerWrapper _handler = null!;
    private LocalLambdaContext _context = null!;
    private PutItemRequest[] _puts = [];
    private byte[] _batch = [];

    [GlobalSetup]
    public void Setup()
    {
        var samples = new SampleMessages(RepositoryPaths.Find());
        _dynamoDb = StubDynamoDb.CreateClient();
        _function = FunctionHost.Create(FunctionName.Ingest,
            FunctionEnvironment.For(FunctionName.Ingest, ServiceCatalog.Enrichment, new ServiceResources { TableName = "stub", StateMachineArn = "-" }),
            new RemittanceEdges { DynamoDb = _dynamoDb, LogWriter = TextWriter.Null });
        _handler = _function.Handler;
        _context = new LocalLambdaContext("ingest", TimeSpan.FromMinutes(5), TimeProvider.System);
        _batch = SqsEvents.Payload(Enumerable.Range(0, BatchSize).Select(i => ($"m-{i}", samples.Body("cpu", i))));
        var factory = new RemittanceItemFactory(TimeProvider.System);
        _puts = [.. Enumerable.Range(0, BatchSize).Select(i => new PutItemRequest
        {
            TableName = "stub",
            Item = factory.Create(PartnerMessageContract.Instance.Parse(samples.Body("cpu", i))).Item,
            ConditionExpression = "attribute_not_exists(#pk)",
            ExpressionAttributeNames = new() { ["#pk"] = ItemAttributes.RequestId },
            ReturnValuesOnConditionCheckFailure = ReturnValuesOnConditionCheckFailure.ALL_OLD,
        })];
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _function.Dispose();
        _dynamoDb.Dispose();
    }

    // The same shape as the handler's batch: 10 conditional PutItems in flight through Parallel.ForEachAsync, so both
    // rows are wall time per message at the same concurrency (a sequential loop would be compared with a parallel one).
    [Benchmark(Baseline = true, OperationsPerInvoke = BatchSize, Description = Bare)]
    public Task BarePutItems() =>
        Parallel.ForEachAsync(_puts, new ParallelOptions { MaxDegreeOfParallelism = BatchSize },
            async (put, token) => await _dynamoDb.PutItemAsync(put, token));

    [Benchmark(OperationsPerInvoke = BatchSize, Description = Handler)]
    public async Task<Stream> HandlerBatch()
    {
        using var input = new MemoryStream(_batch, writable: false);
        return (await _handler.Handler(new InvocationRequest(input, _context), CancellationToken.None)).OutputStream;
    }
}
