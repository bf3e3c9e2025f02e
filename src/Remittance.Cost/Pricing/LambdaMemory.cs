using System.Globalization;
using Remittance.Cost.Metering;

namespace Remittance.Cost.Pricing;

/// <summary>Memory per function, which GB-seconds are billed by. Defaults: the deployed sizes (docs/DEPLOY.md).</summary>
public sealed record LambdaMemory
{
    public int IngestMb { get; init; } = 512;

    public int StreamMb { get; init; } = 256;

    public int WorkflowMb { get; init; } = 512;

    public int StatusMb { get; init; } = 256;

    public int SweeperMb { get; init; } = 512;

    public static LambdaMemory Deployed { get; } = new();

    public int For(MeteredFunction function) => function switch
    {
        MeteredFunction.Ingest => IngestMb,
        MeteredFunction.Stream => StreamMb,
        MeteredFunction.Workflow => WorkflowMb,
        MeteredFunction.Status => StatusMb,
        MeteredFunction.Sweeper => SweeperMb,
        _ => throw new ArgumentOutOfRangeException(nameof(function), function, "The state machine's native integrations are not Lambda functions."),
    };

    /// <summary>Parses <c>ingest=512,stream=256</c>: the named functions change, the others keep their deployed size.</summary>
    public static LambdaMemory Parse(string? text)
    {
        var memory = Deployed;
        foreach (var part in (text ?? string.Empty).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var pieces = part.Split('=', 2, StringSplitOptions.TrimEntries);
            if (pieces.Length != 2 || !int.TryParse(pieces[1], NumberStyles.None, CultureInfo.InvariantCulture, out var mb) || mb is < 128 or > 10240)
            {
                throw new FormatException($"'{part}' is not function=MB with 128–10240 MB; functions are ingest, stream, workflow, status, sweeper.");
            }

            memory = pieces[0] switch
            {
                "ingest" => memory with { IngestMb = mb },
                "stream" => memory with { StreamMb = mb },
                "workflow" => memory with { WorkflowMb = mb },
                "status" => memory with { StatusMb = mb },
                "sweeper" => memory with { SweeperMb = mb },
                _ => throw new FormatException($"'{pieces[0]}' is not a function; functions are ingest, stream, workflow, status, sweeper."),
            };
        }

        return memory;
    }
}
