namespace Remittance.Notifications.Templates;

/// <summary>
/// What a mustache refers to: <c>amount</c>, <c>payee.id</c>, <c>this</c>, <c>this.amount</c>, <c>../currency</c>
/// (<paramref name="ParentSteps"/> = 1), or a data variable inside <c>#each</c>: <c>@index</c>, <c>@first</c>, <c>@last</c>.
/// </summary>
/// <param name="Segments">Property names after any <c>../</c> and <c>this.</c>; empty for <c>this</c> and data variables.</param>
/// <param name="DataVariable"><c>index</c>, <c>first</c> or <c>last</c>; null for a property path.</param>
/// <param name="Text">As written, for messages.</param>
internal sealed record TemplatePath(int ParentSteps, IReadOnlyList<string> Segments, string? DataVariable, string Text);
