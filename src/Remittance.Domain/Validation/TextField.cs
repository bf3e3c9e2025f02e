namespace Remittance.Domain.Validation;

/// <summary>A required free-text property: present, a string, and passing <see cref="TextRules"/>.</summary>
internal static class TextField
{
    public static string? Read(JsonFields fields, string name, int maxLength, List<ValidationError> errors)
    {
        var field = fields.PathOf(name);
        if (!fields.TryRequired(name, errors, out var element) || !StringValue.TryGet(element, field, errors, out var text))
        {
            return null;
        }

        if (TextRules.Check(text, field, maxLength) is { } error)
        {
            errors.Add(error);
            return null;
        }

        return text;
    }
}
