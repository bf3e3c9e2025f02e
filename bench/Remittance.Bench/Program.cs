using Remittance.Bench;
using Remittance.Bench.Support;

// The performance harness of issue 5. Each benchmark prints its Markdown result and writes it to out/bench/<name>.md;
// docs/PERFORMANCE.md quotes those results with the command that produced them.
BenchOptions options;
try
{
    options = BenchOptions.Parse(args);
}
catch (ArgumentException e)
{
    await Console.Error.WriteLineAsync(e.Message);
    return 2;
}

var paths = RepositoryPaths.Find();
using var cancel = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    cancel.Cancel();
};

var context = new BenchContext(options, paths, message => Console.Error.WriteLine($"[{DateTime.UtcNow:HH:mm:ss}] {message}"), cancel.Token);
var failed = 0;
foreach (var name in options.Selected)
{
    var loadBefore = MachineFacts.LoadAverage();
    string result;
    try
    {
        result = await BenchmarkCatalog.RunAsync(name, context);
    }
    catch (Exception e) when (e is not OperationCanceledException)
    {
        failed++;
        result = $"**failed:** {e.GetType().Name}: {e.Message}";
        context.Log($"{name} failed: {e}");
    }

    var markdown = $"""
        ## {BenchmarkCatalog.Title(name)}

        {MachineFacts.Describe(options.CommandLine, loadBefore)}
        {result}
        """;
    await File.WriteAllTextAsync(paths.OutputPath($"{name}.md"), markdown, cancel.Token);
    Console.WriteLine(markdown);
}

return failed == 0 ? 0 : 1;
