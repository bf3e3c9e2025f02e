using System.Text;
using System.Text.Json.Nodes;
using Remittance.Pipeline.Schema;

namespace Remittance.Pipeline.Start;

/// <summary>
/// The execution input: the item itself, so the first state needs no read. Step Functions caps input at 256 KiB
/// while an item may reach 400 KB; a larger item is passed by reference and the workflow reads it.
/// </summary>
public static class WorkflowInput
{
    public const int MaxInputBytes = 256 * 1024;

    public static string For(JsonObject item)
    {
        var full = item.ToJsonString();
        if (Encoding.UTF8.GetByteCount(full) <= MaxInputBytes)
        {
            return full;
        }

        var reference = new JsonObject { ["inputByReference"] = true };
        foreach (var name in (string[])[ItemAttributes.RequestId, ItemAttributes.ExecutionName, ItemAttributes.Attempt, ItemAttributes.VersionId, ItemAttributes.Status])
        {
            reference[name] = item[name]?.DeepClone();
        }

        return reference.ToJsonString();
    }
}
