using System.Collections.Concurrent;
using Remittance.Local.Lambda;
using Remittance.Local.RuntimeApi;

namespace Remittance.IntegrationTests.LocalLambda;

/// <summary>
/// What a function process is started with, seen from inside: a stand-in bootstrap (a shell script) prints its
/// environment and exits before polling, as a broken binary would.
/// </summary>
public sealed class FunctionProcessEnvironmentTests : IDisposable
{
    private static readonly TimeSpan s_wait = TimeSpan.FromMinutes(1);

    private readonly string _directory = Directory.CreateTempSubdirectory("remittance-pool-env-").FullName;
    private readonly ConcurrentQueue<string> _log = new();

    [Fact]
    public async Task Invoke_StartsTheProcessWithOnlyTheFunctionEnvironmentAndWhatLambdaSets()
    {
        var parentOnly = "REMITTANCE_POOL_TEST_PARENT_ONLY_" + Guid.NewGuid().ToString("N");
        Environment.SetEnvironmentVariable(parentOnly, "leaked");
        try
        {
            await using var pool = Pool(ScriptPrinting(exitCode: 3), new Dictionary<string, string>
            {
                ["_HANDLER"] = "ingest",
                ["REMITTANCE_TABLE_NAME"] = "remittances",
            });

            await pool.InvokeAsync("{}"u8.ToArray()).WaitAsync(s_wait);
        }
        finally
        {
            Environment.SetEnvironmentVariable(parentOnly, null);
        }

        var environment = _log.Where(line => line.Contains('=', StringComparison.Ordinal))
            .Select(line => line.Split('=', 2))
            .ToDictionary(pair => pair[0], pair => pair[1]);
        Assert.Equal("ingest", environment["_HANDLER"]);
        Assert.Equal("remittances", environment["REMITTANCE_TABLE_NAME"]);
        Assert.StartsWith("127.0.0.1:", environment["AWS_LAMBDA_RUNTIME_API"], StringComparison.Ordinal);
        Assert.Equal("us-east-1", environment["AWS_REGION"]);
        Assert.Equal("us-east-1", environment["AWS_DEFAULT_REGION"]);
        Assert.Equal("enrichment-ingest", environment["AWS_LAMBDA_FUNCTION_NAME"]);
        Assert.Equal("512", environment["AWS_LAMBDA_FUNCTION_MEMORY_SIZE"]);
        Assert.Equal(_directory, environment["LAMBDA_TASK_ROOT"]);
        Assert.Equal(":UTC", environment["TZ"]);
        Assert.Equal("local", environment["AWS_ACCESS_KEY_ID"]);
        Assert.Equal("local", environment["AWS_SECRET_ACCESS_KEY"]);
        Assert.Equal("local", environment["AWS_SESSION_TOKEN"]);
        Assert.DoesNotContain(parentOnly, environment.Keys);
        Assert.DoesNotContain(environment.Keys, name => name.StartsWith("DOTNET_", StringComparison.Ordinal) || name.StartsWith("MSBUILD", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Invoke_WhenTheFunctionGivesItsOwnRegionAndCredentials_UsesThemWithoutFakes()
    {
        await using var pool = Pool(ScriptPrinting(exitCode: 0), new Dictionary<string, string>
        {
            ["AWS_REGION"] = "eu-west-1",
            ["AWS_ACCESS_KEY_ID"] = "AKIDEXAMPLE",
            ["AWS_SECRET_ACCESS_KEY"] = "secret",
        });

        await pool.InvokeAsync("{}"u8.ToArray()).WaitAsync(s_wait);

        Assert.Contains("AWS_REGION=eu-west-1", _log);
        Assert.Contains("AWS_ACCESS_KEY_ID=AKIDEXAMPLE", _log);
        Assert.DoesNotContain(_log, line => line.StartsWith("AWS_SESSION_TOKEN=", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Invoke_WhenTheProcessExitsBeforePolling_ReturnsAnInitFailureWithTheExitCodeAndItsLastOutput()
    {
        await using var pool = Pool(Script("echo 'starting' ; echo 'fatal: cannot load configuration' >&2 ; exit 3"), new Dictionary<string, string>());

        var result = await pool.InvokeAsync("{}"u8.ToArray()).WaitAsync(s_wait);

        Assert.Equal(LocalInvocationStatus.InitFailed, result.Status);
        Assert.Equal("Runtime.ExitError", result.ErrorType);
        Assert.Contains("exited with code 3 before polling", result.Error!.ErrorMessage, StringComparison.Ordinal);
        Assert.Contains("fatal: cannot load configuration", result.Error.ErrorMessage, StringComparison.Ordinal);
        Assert.Contains("fatal: cannot load configuration", _log);
    }

    [Fact]
    public async Task Invoke_WhenTheProcessNeverPolls_ReturnsAnInitTimeoutAndKillsIt()
    {
        var pool = new FunctionProcessPool(new FunctionProcessOptions
        {
            BootstrapPath = Script("exec sleep 300"),
            FunctionName = "enrichment-ingest",
            InitTimeout = TimeSpan.FromSeconds(2),
            OnLogLine = _log.Enqueue,
        });
        await using (pool)
        {
            var result = await pool.InvokeAsync("{}"u8.ToArray()).WaitAsync(s_wait);

            Assert.Equal(LocalInvocationStatus.InitFailed, result.Status);
            Assert.Equal("Sandbox.Timedout", result.ErrorType);
        }

        Assert.Throws<ArgumentException>(() => System.Diagnostics.Process.GetProcessById(pool.StartedProcessIds.Single()));
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private FunctionProcessPool Pool(string bootstrap, IReadOnlyDictionary<string, string> environment) => new(new FunctionProcessOptions
    {
        BootstrapPath = bootstrap,
        FunctionName = "enrichment-ingest",
        Environment = environment,
        InitTimeout = s_wait,
        OnLogLine = _log.Enqueue,
    });

    private string ScriptPrinting(int exitCode) => Script($"env ; exit {exitCode}");

    private string Script(string body)
    {
        if (OperatingSystem.IsWindows())
        {
            throw new PlatformNotSupportedException("The stand-in bootstrap is a shell script, as the real one is a Linux executable.");
        }

        var path = Path.Combine(_directory, "bootstrap");
        File.WriteAllText(path, "#!/bin/sh\n" + body + "\n");
        File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        return path;
    }
}
