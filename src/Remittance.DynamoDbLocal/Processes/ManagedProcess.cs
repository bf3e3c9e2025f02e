using System.ComponentModel;
using System.Diagnostics;

namespace Remittance.DynamoDbLocal.Processes;

/// <summary>A long-running child process whose output is kept for diagnostics and whose tree is killed on dispose.</summary>
internal sealed class ManagedProcess : IAsyncDisposable
{
    private static readonly TimeSpan s_exitWait = TimeSpan.FromSeconds(15);

    private readonly Process _process;
    private readonly OutputTail _output = new();
    private readonly long _reaperToken;
    private int _disposed;

    private ManagedProcess(ProcessStartInfo startInfo)
    {
        startInfo.RedirectStandardOutput = true;
        startInfo.RedirectStandardError = true;
        startInfo.UseShellExecute = false;
        startInfo.CreateNoWindow = true;
        _process = new Process { StartInfo = startInfo };
        _process.OutputDataReceived += (_, e) => _output.Add(e.Data);
        _process.ErrorDataReceived += (_, e) => _output.Add(e.Data);
        try
        {
            _process.Start();
        }
        catch (Win32Exception e)
        {
            _process.Dispose();
            throw new DynamoDbLocalException($"Could not start {startInfo.FileName}: {e.Message}", e);
        }

        _reaperToken = ProcessReaper.Register(Kill);
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
        Exited = _process.WaitForExitAsync();
    }

    /// <summary>Completes when the process has exited and its output has been read to the end.</summary>
    public Task Exited { get; }

    public bool HasExited => Exited.IsCompleted;

    public int? ExitCode => HasExited ? _process.ExitCode : null;

    public OutputTail Output => _output;

    public static ManagedProcess Start(ProcessStartInfo startInfo) => new(startInfo);

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1)
        {
            return;
        }

        ProcessReaper.Unregister(_reaperToken);
        Kill();
        try
        {
            await Exited.WaitAsync(s_exitWait).ConfigureAwait(false);
        }
        catch (TimeoutException e)
        {
            throw new DynamoDbLocalException($"Process {_process.Id} did not exit within {s_exitWait.TotalSeconds:0} s of being killed.", e);
        }
        finally
        {
            _process.Dispose();
        }
    }

    private void Kill()
    {
        try
        {
            _process.Kill(entireProcessTree: true);
        }
        catch (InvalidOperationException) when (_process.HasExited)
        {
            // Exited between the check and the kill: nothing left to stop.
        }
    }
}
