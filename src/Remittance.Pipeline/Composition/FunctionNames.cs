namespace Remittance.Pipeline.Composition;

/// <summary>Between a <see cref="FunctionName"/> and the handler string Lambda passes in <c>_HANDLER</c>.</summary>
public static class FunctionNames
{
    /// <summary>The handler string a function is deployed with: its name in lower case ("ingest").</summary>
    public static string Handler(FunctionName function) => function.ToString().ToLowerInvariant();

    /// <summary>Reads a handler string; an unknown or missing one is an error listing the valid handlers.</summary>
    public static FunctionName Parse(string? handler)
    {
        // Lambda's handler string may carry a "module::" style prefix in other runtimes; only the last part names ours.
        var name = handler?.Split("::", StringSplitOptions.RemoveEmptyEntries).LastOrDefault()?.Trim();
        if (name is { Length: > 0 } && !char.IsAsciiDigit(name[0]) && Enum.TryParse(name, ignoreCase: true, out FunctionName function) && Enum.IsDefined(function))
        {
            return function;
        }

        throw new OptionsException([
            $"_HANDLER must name one of the functions ({string.Join(", ", Enum.GetValues<FunctionName>().Select(Handler))}); was '{handler}'."]);
    }
}
