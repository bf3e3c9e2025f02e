using Amazon.CDK;
using Remittance.Cdk.Bundling;
using Remittance.Cdk.Configuration;
using Remittance.Cdk.Stacks;

namespace Remittance.Cdk;

/// <summary>
/// The whole app, shared by <c>Program</c> (the CDK CLI) and the synth tests so both synthesize exactly the same
/// thing: settings from context, the Lambda binary built (or taken pre-built), the notification catalog checked,
/// one stack per stage.
/// </summary>
public static class RemittanceApp
{
    public static RemittanceStack Build(App app)
    {
        var settings = DeploymentSettings.FromContext(app.Node);
        var root = RepositoryLayout.FindRoot();
        var inputs = new StackInputs(
            FunctionsDirectory: FunctionsBundle.Resolve(settings, root),
            NotificationCatalogDirectory: NotificationCatalogBundle.Resolve(settings, root));
        return new RemittanceStack(app, $"Remittance-{settings.Stage}", settings, inputs, new StackProps
        {
            Description = $"Remittance pipeline ({settings.Stage}): enrichment and notification tracked workflows.",
        });
    }
}
