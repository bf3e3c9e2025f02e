using System.Text.Json.Nodes;
using Remittance.Pipeline.Schema;
using Remittance.Pipeline.Storage;

namespace Remittance.Workflows.Steps;

/// <summary>
/// The item a run works on. Usually it is the execution input itself; an item too large for Step Functions' 256 KiB
/// input arrives by reference and is read from the table (consistently).
/// </summary>
public sealed class WorkflowInputReader(RemittanceRepository repository)
{
    public async Task<JsonObject> ItemAsync(JsonObject input, CancellationToken cancellationToken)
    {
        if (input["inputByReference"] is not JsonValue flag || !flag.TryGetValue<bool>(out var byReference) || !byReference)
        {
            return input;
        }

        var requestId = (string?)input[ItemAttributes.RequestId]
            ?? throw new PermanentStepError("The execution input refers to an item but has no requestId.");
        var item = await repository.GetAsync(requestId, cancellationToken).ConfigureAwait(false)
            ?? throw new PermanentStepError($"The item for request {requestId} does not exist.");
        return AttributeValueJson.ToJsonObject(item);
    }
}
