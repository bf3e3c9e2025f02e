namespace Remittance.Notifications.Templates;

/// <summary>
/// The model a template renders: plain text values, objects and lists built explicitly from the remittance, so
/// rendering needs no reflection (trim- and AOT-safe) and the same tree can be handed to SES as template data.
/// </summary>
internal abstract record TemplateValue;
