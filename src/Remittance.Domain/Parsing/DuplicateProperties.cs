using System.Text.Json;
using Remittance.Domain.Validation;
using static System.FormattableString;

namespace Remittance.Domain.Parsing;

/// <summary>
/// Finds property names used twice in one object, anywhere in the body. Parsers disagree on which copy wins (first,
/// last, or an error), so a message that repeats a name could mean different things to us and to the partner.
/// </summary>
internal static class DuplicateProperties
{
    /// <summary>Past this many, the rest are counted in one last error: the list is stored with the rejection.</summary>
    public const int MaxListed = 20;

    public static void Find(JsonElement root, List<ValidationError> errors)
    {
        var found = new List<ValidationError>();
        Walk(root, JsonPath.Root, found);
        errors.AddRange(found.Take(MaxListed));
        if (found.Count > MaxListed)
        {
            errors.Add(new ValidationError(JsonPath.Root, ErrorCodes.DuplicateProperty,
                Invariant($"{found.Count - MaxListed} more repeated property names are not listed")));
        }
    }

    // Recursion is bounded by the depth limit the body was read with.
    private static void Walk(JsonElement element, string path, List<ValidationError> found)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                var seen = new HashSet<string>(StringComparer.Ordinal);
                var reported = new HashSet<string>(StringComparer.Ordinal);
                foreach (var property in element.EnumerateObject())
                {
                    var propertyPath = JsonPath.Child(path, property.Name);
                    if (!seen.Add(property.Name) && reported.Add(property.Name))
                    {
                        var where = path == JsonPath.Root ? "the body" : path;
                        found.Add(new ValidationError(propertyPath, ErrorCodes.DuplicateProperty,
                            $"property {Quote.Text(property.Name)} appears more than once in {where}; which value counts would be ambiguous"));
                    }

                    Walk(property.Value, propertyPath, found);
                }

                break;
            case JsonValueKind.Array:
                var index = 0;
                foreach (var item in element.EnumerateArray())
                {
                    Walk(item, JsonPath.Index(path, index++), found);
                }

                break;
        }
    }
}
