using System.Text.Json.Nodes;

namespace Remittance.Pipeline.Start;

/// <summary>One change from the table's stream, with the new image as JSON (null for deletes or keys-only views).</summary>
public sealed record StreamChange(string EventName, string SequenceNumber, JsonObject? NewImage);
