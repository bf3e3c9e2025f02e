using System.Text.Json.Nodes;
using Remittance.Cdk.Tests.Support;

namespace Remittance.Cdk.Tests.Deployed;

/// <summary>
/// A function's environment exactly as the synthesized template sets it, with the references CloudFormation would
/// fill in resolved the way they resolve in AWS, but to local names: a table's Ref is its name (its logical ID); a state
/// machine's or topic's Ref is an ARN named after its logical ID; the Lambda layer mount path is the layer's source
/// folder (Lambda extracts layers under /opt). A reference to anything else fails the test: the local run could not
/// honour it.
/// </summary>
public static class TemplateEnvironment
{
    public const string Account = "000000000000";

    public static string StateMachineArn(string logicalId) => $"arn:aws:states:us-east-1:{Account}:stateMachine:{logicalId}";

    public static string TopicArn(string logicalId) => $"arn:aws:sns:us-east-1:{Account}:{logicalId}";

    public static string FunctionArn(string logicalId) => $"arn:aws:lambda:us-east-1:{Account}:function:{logicalId}";

    /// <summary>
    /// A state machine's definition as Step Functions would run it: the DefinitionString with its
    /// DefinitionSubstitutions filled in, each resolved to the local name of what it references.
    /// </summary>
    public static JsonObject StateMachineDefinition(Template template, string stateMachineLogicalId)
    {
        var properties = template[stateMachineLogicalId].Properties;
        var definition = properties["DefinitionString"]!.GetValue<string>();
        foreach (var (name, value) in properties["DefinitionSubstitutions"]?.AsObject() ?? [])
        {
            definition = definition.Replace("${" + name + "}", Resolve(template, name, value, new Dictionary<string, string>()), StringComparison.Ordinal);
        }

        return JsonNode.Parse(definition)!.AsObject();
    }

    public static Dictionary<string, string> Of(Template template, string functionLogicalId, IReadOnlyDictionary<string, string> layerMounts)
    {
        var variables = template[functionLogicalId].Properties["Environment"]?["Variables"]?.AsObject()
                        ?? throw new InvalidOperationException($"{functionLogicalId} has no environment.");
        return variables.ToDictionary(v => v.Key, v => Resolve(template, v.Key, v.Value, layerMounts), StringComparer.Ordinal);
    }

    private static string Resolve(Template template, string name, JsonNode? value, IReadOnlyDictionary<string, string> layerMounts)
    {
        if (value is JsonValue literal)
        {
            var text = literal.GetValue<string>();
            return layerMounts.GetValueOrDefault(text, text);
        }

        var id = Template.ReferencedId(value) ?? throw new InvalidOperationException($"{name}: cannot resolve {value?.ToJsonString()} locally.");
        var resource = template[id];
        return resource.Type switch
        {
            // CloudFormation names an unnamed table after its logical ID (plus a suffix); the logical ID serves locally.
            "AWS::DynamoDB::Table" => resource.Properties["TableName"]?.GetValue<string>() ?? id,
            "AWS::StepFunctions::StateMachine" => StateMachineArn(id),
            "AWS::SNS::Topic" => TopicArn(id),
            "AWS::Lambda::Function" => FunctionArn(id),
            _ => throw new InvalidOperationException($"{name}: a reference to a {resource.Type} cannot be resolved locally."),
        };
    }
}
