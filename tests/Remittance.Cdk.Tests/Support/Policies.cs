namespace Remittance.Cdk.Tests.Support;

/// <summary>Reads what a role may do from the template.</summary>
public static class Policies
{
    /// <summary>Every statement of the IAM policies attached to the role, and of its inline policies.</summary>
    public static IEnumerable<PolicyStatementJson> ForRole(Template template, string roleId) =>
        template.Statements().Where(s =>
            (s.Owner.Type == "AWS::IAM::Policy" && s.Owner.Properties["Roles"]!.AsArray().Any(r => Template.ReferencedId(r) == roleId))
            || (s.Owner.Type == "AWS::IAM::Role" && s.Owner.LogicalId == roleId));

    /// <summary>The logical IDs of the resources the statements allow <paramref name="action"/> on, distinct and sorted.</summary>
    public static List<string> ResourcesFor(IEnumerable<PolicyStatementJson> statements, string action) =>
        [.. statements.Where(s => s.IsAllow && s.Actions.Contains(action))
            .SelectMany(s => s.Resources.SelectMany(Template.ReferencedIds))
            .Distinct()
            .Order()];
}
