using BenchmarkDotNet.Attributes;
using Remittance.Domain;
using Remittance.Pipeline.Contracts;
using Remittance.Pipeline.Storage;

namespace Remittance.Bench.Parse;

/// <summary>
/// Per-message CPU and allocation of ingest's in-process work, on checked-in samples: the parser alone (read, check
/// duplicates, validate every field), and everything ingest does before the SDK call (contract parse, payload hash,
/// execution name, DynamoDB item and its size).
/// </summary>
[MemoryDiagnoser]
public class ParseBenchmarks
{
    // A fixed count for OperationsPerInvoke; the samples are taken in turn (there are fewer than this).
    private const int SampleCount = 32;

    private string _valid = string.Empty;
    private string _invalid = string.Empty;
    private RemittanceItemFactory _factory = null!;
    private string[] _everyValid = [];

    [GlobalSetup]
    public void Setup()
    {
        var samples = Path.Combine(Support.RepositoryPaths.Find().Samples, "partner-messages");
        _valid = File.ReadAllText(Path.Combine(samples, "001-settled-usd-business.json"));
        _invalid = File.ReadAllText(Path.Combine(samples, "034-missing-fields.json"));
        _factory = new RemittanceItemFactory(TimeProvider.System);
        var templates = new Support.SampleMessages(Support.RepositoryPaths.Find());
        _everyValid = [.. Enumerable.Range(0, templates.TemplateCount).Select(i => templates.Body("parse", i))];
        if (!PartnerMessageParser.Parse(_valid).IsValid || PartnerMessageParser.Parse(_invalid).IsValid)
        {
            throw new InvalidOperationException("The samples no longer have the verdicts this benchmark assumes.");
        }
    }

    [Benchmark(Baseline = true, Description = "Parse+validate, valid message (001)")]
    public PartnerMessageParseResult ParseValid() => PartnerMessageParser.Parse(_valid);

    [Benchmark(Description = "Parse+validate, invalid message (034, several errors)")]
    public PartnerMessageParseResult ParseInvalid() => PartnerMessageParser.Parse(_invalid);

    /// <summary>Every distinct valid sample once (currencies, locales, invoice counts and sizes as the samples vary).</summary>
    [Benchmark(OperationsPerInvoke = SampleCount, Description = "Parse+validate, every valid sample in turn, per message")]
    public int ParseEveryValid()
    {
        var valid = 0;
        for (var i = 0; i < SampleCount; i++)
        {
            valid += PartnerMessageParser.Parse(_everyValid[i % _everyValid.Length]).IsValid ? 1 : 0;
        }

        return valid;
    }

    [Benchmark(Description = "Parse+validate+hash+item, valid (all of ingest before the SDK call)")]
    public NewRemittance ParseAndBuildItem() => _factory.Create(PartnerMessageContract.Instance.Parse(_valid));
}
