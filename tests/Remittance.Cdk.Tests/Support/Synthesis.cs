using System.Text.Json.Nodes;
using Amazon.CDK;
using Remittance.Cdk.Stacks;

namespace Remittance.Cdk.Tests.Support;

/// <summary>One synthesized app: its stack (for names and settings) and the template CloudFormation would get.</summary>
public sealed class Synthesis
{
    private Synthesis(string outputDirectory, RemittanceStack stack, JsonObject template)
    {
        OutputDirectory = outputDirectory;
        Stack = stack;
        Template = new Template(template);
    }

    public string OutputDirectory { get; }

    public RemittanceStack Stack { get; }

    public Template Template { get; }

    /// <summary>Synthesizes the app as <c>Program</c> does, with cdk.json's context plus <paramref name="overrides"/>.</summary>
    public static Synthesis Run(string outputDirectory, IReadOnlyDictionary<string, object> overrides)
    {
        var context = CdkJson.Context();
        foreach (var (key, value) in overrides)
        {
            context[key] = value;
        }

        var app = new App(new AppProps { Outdir = outputDirectory, Context = context });
        var stack = RemittanceApp.Build(app);
        app.Synth();

        var templatePath = Path.Combine(outputDirectory, stack.TemplateFile);
        return new Synthesis(outputDirectory, stack, JsonNode.Parse(File.ReadAllText(templatePath))!.AsObject());
    }
}
