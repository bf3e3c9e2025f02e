using System.Buffers.Binary;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Remittance.Local.Faults;

/// <summary>
/// Failures to inject into a local run, e.g. <c>enrich=0.3,publish=0.1,startExecution=0.05,dynamodb=0.02</c>: each
/// point fails with its probability. Each draw is a function of the seed, the point, what is being done (a key such as
/// the request ID or execution name) and how many times that key has drawn at that point before — not of the order in
/// which concurrent work happens to draw — so a run with the same seed and input injects the same faults.
/// </summary>
public sealed class FaultPlan
{
    /// <summary>Where a fault can be injected, and what it looks like there.</summary>
    public static IReadOnlyDictionary<string, string> Points { get; } = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["validate"] = "the workflow's validate step raises a transient error",
        ["enrich"] = "the enrich step raises a transient error (Invoices lookup unavailable)",
        ["transform"] = "the transform step raises a transient error",
        ["choose-template"] = "the notification's template choice raises a transient error",
        ["render"] = "the notification's render step raises a transient error",
        ["publish"] = "an SNS publish fails (SNS.InternalErrorException)",
        ["record"] = "recording success is throttled by DynamoDB",
        ["startExecution"] = "StartExecution is throttled (ThrottlingException)",
        ["dynamodb"] = "any DynamoDB request from a function is throttled (ProvisionedThroughputExceededException)",
    };

    private readonly Dictionary<string, double> _rates;
    private readonly int _seed;
    private readonly Lock _gate = new();
    private readonly Dictionary<string, int> _injected = new(StringComparer.Ordinal);
    private readonly Dictionary<(string Point, string Key), int> _draws = [];

    private FaultPlan(Dictionary<string, double> rates, int seed)
    {
        _rates = rates;
        _seed = seed;
    }

    public static FaultPlan None { get; } = new([], 0);

    public IReadOnlyDictionary<string, double> Rates => _rates;

    public IReadOnlyDictionary<string, int> Injected
    {
        get
        {
            lock (_gate)
            {
                return new Dictionary<string, int>(_injected, StringComparer.Ordinal);
            }
        }
    }

    /// <summary>Parses the --faults syntax; every mistake is reported with what is allowed.</summary>
    public static FaultPlan Parse(string? text, int seed)
    {
        var rates = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var part in (text ?? string.Empty).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var pieces = part.Split('=', 2, StringSplitOptions.TrimEntries);
            if (pieces.Length != 2 || !Points.ContainsKey(pieces[0]))
            {
                throw new FormatException($"'{part}' is not point=probability; points are {string.Join(", ", Points.Keys)}.");
            }

            if (!double.TryParse(pieces[1], NumberStyles.Float, CultureInfo.InvariantCulture, out var rate) || rate is < 0 or > 1)
            {
                throw new FormatException($"'{pieces[1]}' for {pieces[0]} is not a probability between 0 and 1.");
            }

            if (!rates.TryAdd(pieces[0], rate))
            {
                throw new FormatException($"{pieces[0]} is given twice.");
            }
        }

        return new FaultPlan(rates, seed);
    }

    /// <summary>
    /// Draws for <paramref name="point"/> on behalf of <paramref name="key"/> (what is being done: a request ID, an
    /// execution name, a DynamoDB operation and item); true means "fail this one". A retry of the same work draws anew.
    /// </summary>
    public bool ShouldFail(string point, string key)
    {
        if (!_rates.TryGetValue(point, out var rate) || rate == 0)
        {
            return false;
        }

        int occurrence;
        lock (_gate)
        {
            occurrence = _draws.GetValueOrDefault((point, key));
            _draws[(point, key)] = occurrence + 1;
        }

        if (Draw(point, key, occurrence) >= rate)
        {
            return false;
        }

        lock (_gate)
        {
            _injected[point] = _injected.GetValueOrDefault(point) + 1;
        }

        return true;
    }

    /// <summary>A uniform number in [0, 1) fixed by the seed, the point, the key and the occurrence.</summary>
    private double Draw(string point, string key, int occurrence)
    {
        var text = string.Create(CultureInfo.InvariantCulture, $"{_seed}\n{point}\n{occurrence}\n{key}");
        Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(Encoding.UTF8.GetBytes(text), hash);
        return (BinaryPrimitives.ReadUInt64BigEndian(hash) >> 11) * (1.0 / (1UL << 53));
    }

    public override string ToString() => _rates.Count == 0
        ? "none"
        : string.Join(",", _rates.Select(r => string.Create(CultureInfo.InvariantCulture, $"{r.Key}={r.Value}")));
}
