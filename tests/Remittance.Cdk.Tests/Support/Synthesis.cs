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

    /// <summary>
    /// The staged folder of the functions' code asset: exactly what the Lambda zip holds. Every function shares it
    /// (one S3 key); more than one is an error.
    /// </summary>
    public string FunctionsAsset()
    {
        var key = Template.OfType("AWS::Lambda::Function")
            .Select(f => f.Properties["Code"]!["S3Key"]!.GetValue<string>())
            .Distinct()
            .Single();
        return Path.Combine(OutputDirectory, "asset." + Path.GetFileNameWithoutExtension(key));
    }

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
