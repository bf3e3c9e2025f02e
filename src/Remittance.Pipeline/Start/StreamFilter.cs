using System.Text.Json.Nodes;

namespace Remittance.Pipeline.Start;

/// <summary>
/// Which stream records a function owns: those with one event name whose new image holds one string attribute at one
/// value. One description gives both forms: the event-source mapping's filter pattern (the CDK app deploys it, so
/// other records cost no invocation) and the same test in code (the function itself, and local hosts without a filter).
/// </summary>
/// <param name="EventName">The record's eventName: INSERT, MODIFY or REMOVE.</param>
/// <param name="Attribute">The new image's attribute to compare.</param>
/// <param name="Value">The string value the attribute must hold.</param>
public sealed record StreamFilter(string EventName, string Attribute, string Value)
{
    /// <summary>The Lambda event filter pattern, e.g. <c>{"eventName":["INSERT"],"dynamodb":{"NewImage":{"status":{"S":["RECEIVED"]}}}}</c>.</summary>
    public JsonObject ToPattern() => new()
    {
        ["eventName"] = new JsonArray(EventName),
        ["dynamodb"] = new JsonObject
        {
            ["NewImage"] = new JsonObject { [Attribute] = new JsonObject { ["S"] = new JsonArray(Value) } },
        },
    };

    /// <summary>Whether a record passes the filter, given its event name and a reader of its new image's string attributes.</summary>
    public bool Matches(string? eventName, Func<string, string?> newImageText) =>
        string.Equals(eventName, EventName, StringComparison.Ordinal) && string.Equals(newImageText(Attribute), Value, StringComparison.Ordinal);
}
