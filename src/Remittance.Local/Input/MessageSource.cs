namespace Remittance.Local.Input;

/// <summary>
/// Reads partner messages the way the samples are laid out: a <c>.json</c> file is one message body verbatim (so
/// malformed and empty bodies are representable), a <c>.jsonl</c> file holds one body per non-blank line, and a
/// directory is every such file in ordinal name order.
/// </summary>
public static class MessageSource
{
    public static IReadOnlyList<InputMessage> Read(string path)
    {
        if (Directory.Exists(path))
        {
            return [.. Directory.EnumerateFiles(path)
                .Where(IsMessageFile)
                .Order(StringComparer.Ordinal)
                .SelectMany(ReadFile)];
        }

        if (File.Exists(path))
        {
            return [.. ReadFile(path)];
        }

        throw new FileNotFoundException($"No file or directory at '{path}'.", path);
    }

    private static bool IsMessageFile(string path) =>
        path.EndsWith(".json", StringComparison.OrdinalIgnoreCase) || path.EndsWith(".jsonl", StringComparison.OrdinalIgnoreCase);

    private static IEnumerable<InputMessage> ReadFile(string path)
    {
        var name = Path.GetFileName(path);
        if (!path.EndsWith(".jsonl", StringComparison.OrdinalIgnoreCase))
        {
            yield return new InputMessage(name, File.ReadAllText(path));
            yield break;
        }

        var lineNumber = 0;
        foreach (var line in File.ReadLines(path))
        {
            lineNumber++;
            if (!string.IsNullOrWhiteSpace(line))
            {
                yield return new InputMessage($"{name}:{lineNumber}", line);
            }
        }
    }
}
