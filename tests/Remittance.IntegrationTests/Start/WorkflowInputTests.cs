using System.Text;
using System.Text.Json.Nodes;
using Remittance.Pipeline.Schema;
using Remittance.Pipeline.Start;

namespace Remittance.IntegrationTests.Start;

/// <summary>The execution input keeps room for what the states add to it, under Step Functions' 256 KiB quota.</summary>
public sealed class WorkflowInputTests
{
    private static JsonObject Item(int padding) => new()
    {
        [ItemAttributes.RequestId] = "req-1",
        [ItemAttributes.ExecutionName] = "req-1-a1",
        [ItemAttributes.Attempt] = 1,
        [ItemAttributes.VersionId] = 1,
        [ItemAttributes.Status] = "RECEIVED",
        [ItemAttributes.Message] = new JsonObject { ["notes"] = new string('x', padding) },
    };

    [Fact]
    public void For_AnItemLeavingTheHeadroom_IsTheItemItself()
    {
        var item = Item(100 * 1024);

        var input = WorkflowInput.For(item);

        Assert.True(JsonNode.DeepEquals(item, JsonNode.Parse(input)));
    }

    [Fact]
    public void For_AnItemUnder256KiBButIntoTheHeadroom_IsPassedByReference()
    {
        var item = Item(WorkflowInput.MaxInlineBytes);
        Assert.InRange(Encoding.UTF8.GetByteCount(item.ToJsonString()), WorkflowInput.MaxInlineBytes + 1, WorkflowInput.MaxInputBytes);

        var input = JsonNode.Parse(WorkflowInput.For(item))!.AsObject();

        Assert.True((bool)input["inputByReference"]!);
        Assert.Equal("req-1", (string?)input[ItemAttributes.RequestId]);
        Assert.Null(input[ItemAttributes.Message]);
    }

    [Fact]
    public void Headroom_CoversTheLargestStepResult()
    {
        Assert.True(WorkflowInput.MaxTaskResultBytes < RemittanceTableSchema.WorkflowResultHeadroomBytes);
        Assert.Equal(WorkflowInput.MaxInputBytes - RemittanceTableSchema.WorkflowResultHeadroomBytes, WorkflowInput.MaxInlineBytes);
    }
}
