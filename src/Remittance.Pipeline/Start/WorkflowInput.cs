using System.Text;
using System.Text.Json.Nodes;
using Remittance.Pipeline.Schema;

namespace Remittance.Pipeline.Start;

/// <summary>
/// The execution input: the item itself, so the first state needs no read. Step Functions caps every state's input and
/// output at 256 KiB, and the states add their results to the input (ResultPath), so an item is passed inline only
/// when it leaves the workflow's headroom free; a larger one is passed by reference and the workflow reads it. A
/// task's result is capped to fit that headroom (<see cref="MaxTaskResultBytes"/>).
/// </summary>
public static class WorkflowInput
{
    /// <summary>Step Functions' payload quota: a state's input or output, and the execution input.</summary>
    public const int MaxInputBytes = 256 * 1024;

    /// <summary>The largest execution input passed inline: the quota less <see cref="RemittanceTableSchema.WorkflowResultHeadroomBytes"/>.</summary>
    public const int MaxInlineBytes = MaxInputBytes - RemittanceTableSchema.WorkflowResultHeadroomBytes;

    /// <summary>
    /// The largest result one workflow step may produce (the envelope, the rendered notification): it is added to the
    /// state and stored on the item, both of which keep <see cref="RemittanceTableSchema.WorkflowResultHeadroomBytes"/>
    /// for it; the rest of the headroom covers the status and error attributes.
    /// </summary>
    public const int MaxTaskResultBytes = 48 * 1024;

    public static string For(JsonObject item)
    {
        var full = item.ToJsonString();
        if (Encoding.UTF8.GetByteCount(full) <= MaxInlineBytes)
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
