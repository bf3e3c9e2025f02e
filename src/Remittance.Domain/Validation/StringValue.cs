using System.Diagnostics.CodeAnalysis;
using System.Text.Json;

namespace Remittance.Domain.Validation;

internal static class StringValue
{
    /// <summary>Reports <c>WRONG_TYPE</c> when <paramref name="value"/> is not a JSON string.</summary>
    public static bool TryGet(JsonElement value, string field, List<ValidationError> errors, [NotNullWhen(true)] out string? text)
    {
        if (value.ValueKind == JsonValueKind.String && value.GetString() is { } s)
        {
            text = s;
            return true;
        }

        errors.Add(new ValidationError(field, ErrorCodes.WrongType, $"{field} must be a string; got {Quote.Describe(value)}"));
        text = null;
        return false;
    }
}
