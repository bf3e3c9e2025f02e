namespace Remittance.Notifications.Templates;

/// <summary>The block helpers of the subset; Handlebars and SES have them built in, with the same meaning.</summary>
internal enum BlockKind
{
    Each,
    If,
    Unless,
}
