using System.Text.Json.Nodes;

namespace Remittance.Cdk.Tests.Support;

/// <summary>A synthesized CloudFormation template, read as JSON.</summary>
public sealed class Template(JsonObject json)
{
    public JsonObject Json => json;

    public IEnumerable<Resource> Resources =>
        json["Resources"]!.AsObject().Select(p => new Resource(p.Key, p.Value!.AsObject()));

    public IEnumerable<Resource> OfType(string type) => Resources.Where(r => r.Type == type);

    public Resource this[string logicalId] =>
        Resources.SingleOrDefault(r => r.LogicalId == logicalId) ?? throw new KeyNotFoundException($"No resource {logicalId} in the template.");

    /// <summary>The logical ID that <c>{"Ref": id}</c> or <c>{"Fn::GetAtt": [id, attribute]}</c> points at, else null.</summary>
    public static string? ReferencedId(JsonNode? node) => node switch
    {
        JsonObject o when o["Ref"] is JsonValue id => id.GetValue<string>(),
        JsonObject o when o["Fn::GetAtt"] is JsonArray getAtt => getAtt[0]!.GetValue<string>(),
        _ => null,
    };

    /// <summary>
    /// Every resource logical ID referenced anywhere inside <paramref name="node"/> (Ref, GetAtt, inside joins); pseudo
    /// parameters such as AWS::Region are not resources and are left out.
    /// </summary>
    public static IEnumerable<string> ReferencedIds(JsonNode? node)
    {
        switch (node)
        {
            case JsonObject o:
                if (ReferencedId(o) is { } id && !id.StartsWith("AWS::", StringComparison.Ordinal))
                {
                    yield return id;
                }

                foreach (var child in o.SelectMany(p => ReferencedIds(p.Value)))
                {
                    yield return child;
                }

                break;
            case JsonArray a:
                foreach (var child in a.SelectMany(ReferencedIds))
                {
                    yield return child;
                }

                break;
        }
    }

    /// <summary>Every policy statement in the template: IAM policies, role inline policies and resource policies.</summary>
    public IEnumerable<PolicyStatementJson> Statements()
    {
        foreach (var resource in Resources)
        {
            var documents = resource.Type switch
            {
                "AWS::IAM::Policy" or "AWS::IAM::ManagedPolicy" => [resource.Properties["PolicyDocument"]],
                "AWS::IAM::Role" => [.. (resource.Properties["Policies"]?.AsArray() ?? []).Select(p => p!["PolicyDocument"])],
                "AWS::KMS::Key" => [resource.Properties["KeyPolicy"]],
                "AWS::SQS::QueuePolicy" or "AWS::SNS::TopicPolicy" => [resource.Properties["PolicyDocument"]],
                _ => Array.Empty<JsonNode?>(),
            };

            foreach (var statement in documents.SelectMany(d => d!["Statement"]!.AsArray()))
            {
                yield return new PolicyStatementJson(resource, statement!.AsObject());
            }
        }
    }
}
