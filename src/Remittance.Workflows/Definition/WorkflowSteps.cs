namespace Remittance.Workflows.Definition;

/// <summary>Names of the C# step handlers the workflow function runs.</summary>
public static class WorkflowSteps
{
    public const string Validate = "validate";
    public const string Enrich = "enrich";
    public const string Transform = "transform";
    public const string Publish = "publish";
    public const string ChooseTemplate = "choose-template";
    public const string Render = "render";
}
