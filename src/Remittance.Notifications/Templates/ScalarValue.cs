namespace Remittance.Notifications.Templates;

/// <param name="IsTruthy">As Handlebars decides for <c>#if</c>: false for empty text and for <c>@index</c> 0.</param>
internal sealed record ScalarValue(string Text, bool IsTruthy) : TemplateValue
{
    public static ScalarValue Empty { get; } = new(string.Empty, false);

    /// <summary>Absent optional values (no purchase order) render as empty text and are falsy.</summary>
    public static ScalarValue Of(string? text) => string.IsNullOrEmpty(text) ? Empty : new(text, true);
}
