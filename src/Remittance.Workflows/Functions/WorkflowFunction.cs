using System.Text.Json.Nodes;
using Remittance.Aws.Lambda.Core;
using Remittance.Workflows.Steps;

namespace Remittance.Workflows.Functions;

/// <summary>
/// The Lambda behind the workflows' task states. An exception escapes on purpose: Lambda reports its type name as the
/// error, and the state machine's Retry and Catch rules decide what happens next.
/// </summary>
public sealed class WorkflowFunction(WorkflowTaskRunner runner)
{
    public async Task<Stream> HandleAsync(Stream payload, ILambdaContext context, CancellationToken cancellationToken)
    {
        var request = WorkflowTaskRequest.Parse(await JsonNode.ParseAsync(payload, cancellationToken: cancellationToken).ConfigureAwait(false));
        var result = await runner.RunAsync(request, cancellationToken).ConfigureAwait(false);
        var output = new MemoryStream();
        await using (var writer = new System.Text.Json.Utf8JsonWriter(output))
        {
            if (result is null)
            {
                writer.WriteNullValue();
            }
            else
            {
                result.WriteTo(writer);
            }
        }

        output.Position = 0;
        return output;
    }
}
