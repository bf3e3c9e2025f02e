using Remittance.Notifications.Templates;

namespace Remittance.Notifications;

/// <summary>One template of the catalog, parsed and checked when the catalog loaded.</summary>
public sealed class NotificationTemplate
{
    internal NotificationTemplate(string id, NotificationChannel channel, ParsedTemplate? subject, ParsedTemplate body, string bodyFile)
    {
        Id = id;
        Channel = channel;
        ParsedSubject = subject;
        ParsedBody = body;
        BodyFile = bodyFile;
    }

    /// <summary>Unique in the catalog (ignoring case), and safe in file names: <c>[A-Za-z0-9][A-Za-z0-9._-]*</c>.</summary>
    public string Id { get; }

    public NotificationChannel Channel { get; }

    /// <summary>The subject template (EMAIL only; null for SMS).</summary>
    public string? Subject => ParsedSubject?.Source;

    /// <summary>The body template: HTML for EMAIL, plain text for SMS.</summary>
    public string Body => ParsedBody.Source;

    /// <summary>Where the body came from, relative to the catalog directory, e.g. <c>templates/business-advice.en.html.hbs</c>.</summary>
    public string BodyFile { get; }

    internal ParsedTemplate? ParsedSubject { get; }

    internal ParsedTemplate ParsedBody { get; }
}
