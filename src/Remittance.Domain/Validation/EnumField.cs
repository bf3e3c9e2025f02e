namespace Remittance.Domain.Validation;

/// <summary>A required property whose value is one of an enum's wire names, matched exactly.</summary>
internal static class EnumField
{
    public static T? Read<T>(
        JsonFields fields,
        string name,
        WireParser<T> parse,
        Func<T, string> toWire,
        List<ValidationError> errors)
        where T : struct, Enum
    {
        var field = fields.PathOf(name);
        if (!fields.TryRequired(name, errors, out var element) || !StringValue.TryGet(element, field, errors, out var text))
        {
            return null;
        }

        if (parse(text, out var value))
        {
            return value;
        }

        var allowed = WireNames.AllOf(toWire);
        var sameIgnoringCase = allowed.FirstOrDefault(a => string.Equals(a, text, StringComparison.OrdinalIgnoreCase));
        var hint = sameIgnoringCase is null ? string.Empty : $"; values are case-sensitive: did you mean '{sameIgnoringCase}'?";
        errors.Add(new ValidationError(field, ErrorCodes.UnknownValue,
            $"{field} {Quote.Text(text)} is not one of {string.Join(", ", allowed)}{hint}"));
        return null;
    }
}
