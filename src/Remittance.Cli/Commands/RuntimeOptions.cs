using System.CommandLine;
using Remittance.Local.Lambda;

namespace Remittance.Cli.Commands;

/// <summary>Where the local commands run the functions: --runtime and --functions.</summary>
public static class RuntimeOptions
{
    public static Option<LocalRuntimeKind> Runtime() => new("--runtime")
    {
        Description = "inprocess (default, fast): each function built in this process from the environment the CDK app gives it; " +
                      "process: the published bootstrap binary, one process per function instance, through the Lambda Runtime API.",
        DefaultValueFactory = _ => LocalRuntimeKind.InProcess,
        CustomParser = result => result.Tokens.Single().Value.ToLowerInvariant() switch
        {
            "inprocess" or "in-process" => LocalRuntimeKind.InProcess,
            "process" => LocalRuntimeKind.Process,
            var other => Fail(result, other),
        },
    };

    public static Option<string?> FunctionsDirectory() => new("--functions")
    {
        Description = "With --runtime process: the folder holding the published bootstrap (default: cdk/.build/functions/linux-x64, published when missing or stale).",
    };

    private static LocalRuntimeKind Fail(System.CommandLine.Parsing.ArgumentResult result, string value)
    {
        result.AddError($"--runtime must be inprocess or process (was '{value}').");
        return LocalRuntimeKind.InProcess;
    }
}
