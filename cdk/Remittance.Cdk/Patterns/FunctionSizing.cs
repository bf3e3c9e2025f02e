using Amazon.CDK.AWS.Lambda;
using Amazon.CDK.AWS.Logs;
using Remittance.Pipeline.Composition;

namespace Remittance.Cdk.Patterns;

/// <summary>
/// Memory and timeout per function (docs/DEPLOY.md explains each). Memory also buys CPU on Lambda, which is what a
/// ReadyToRun .NET cold start and JSON work spend; timeouts are a few times the slowest expected batch.
/// </summary>
public sealed record FunctionSizing(int MemoryMb, int TimeoutSeconds)
{
    /// <summary>x86_64, matching the linux-x64 publish. arm64 works too: publish for linux-arm64 and switch both.</summary>
    public static Architecture Architecture => Architecture.X86_64;

    public static RetentionDays LogRetention => RetentionDays.ONE_MONTH;

    public static FunctionSizing For(FunctionName function) => function switch
    {
        // Up to 10 messages: parse, validate, hash, conditional writes at REMITTANCE_CONCURRENCY.
        FunctionName.Ingest => new(512, 30),
        // Up to 100 stream records, each one StartExecution call: I/O bound.
        FunctionName.Stream => new(256, 30),
        // One remittance per invocation: BatchGetItem of up to 100 invoices, envelope or template rendering.
        FunctionName.Workflow => new(512, 60),
        // One EventBridge event: one conditional update.
        FunctionName.Status => new(256, 30),
        // Pages through three indexes and re-drives at a bounded rate: the long-running one.
        FunctionName.Sweeper => new(512, 300),
        _ => throw new ArgumentOutOfRangeException(nameof(function), function, null),
    };
}
