using System.Text.Json.Nodes;

namespace Remittance.Pipeline.Start;

/// <summary>A newly received remittance whose workflow this function starts.</summary>
public sealed record OwnedRecord(string RequestId, string ExecutionName, long Version, JsonObject Image);
