namespace Remittance.DynamoDbLocal.Processes;

/// <summary>How a short-lived command ended; <see cref="ExitCode"/> is null when it was stopped for running too long.</summary>
internal sealed record CommandResult(int? ExitCode, string StandardOutput, string StandardError)
{
    public bool TimedOut => ExitCode is null;

    public bool Succeeded => ExitCode == 0;

    public string Describe()
    {
        var ending = TimedOut ? "timed out" : $"exited with code {ExitCode}";
        var output = string.Join(Environment.NewLine, new[] { StandardError.Trim(), StandardOutput.Trim() }.Where(text => text.Length > 0));
        return output.Length == 0 ? ending : $"{ending}:{Environment.NewLine}{Tail(output)}";
    }

    private static string Tail(string text) => text.Length <= 4000 ? text : "…" + text[^4000..];
}
