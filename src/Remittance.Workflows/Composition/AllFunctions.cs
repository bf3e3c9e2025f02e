using Remittance.Aws.Lambda.RuntimeSupport;
using Remittance.Aws.SimpleNotificationService;
using Remittance.Pipeline.Composition;
using Remittance.Pipeline.Functions;
using Remittance.Pipeline.Sweeping;
using Remittance.Workflows.Definition;
using Remittance.Workflows.Functions;
using Remittance.Workflows.Publishing;
using Remittance.Workflows.Steps;

namespace Remittance.Workflows.Composition;

/// <summary>Every function's wire-level handler: the pipeline's, plus the workflow function's task states.</summary>
public static class AllFunctions
{
    /// <param name="publisher">Where the workflow function publishes; null builds the SNS publisher from the options.</param>
    public static HandlerWrapper Create(FunctionName function, RemittanceServices services, ITopicPublisher? publisher = null) => function switch
    {
        FunctionName.Workflow => HandlerWrapper.GetHandlerWrapper(
            new WorkflowFunction(new WorkflowTaskRunner(ServiceSteps.For(services, publisher ?? SnsPublisherFor(services)))).HandleAsync),
        FunctionName.Sweeper => SweeperFunction.CreateHandler(services, SweeperSettingsFor(services)),
        _ => FunctionHandlers.Create(function, services),
    };

    /// <summary>
    /// The SNS publisher for the workflow's function topic, or null when the service's function publishes nothing (the
    /// notification workflow's states publish). Built only for the workflow function, so no other function pays for it.
    /// </summary>
    public static ITopicPublisher? SnsPublisherFor(RemittanceServices services)
    {
        if (WorkflowCatalog.ForService(services.Options.Service).FunctionTopic is not { } topic)
        {
            return null;
        }

        if (string.IsNullOrWhiteSpace(services.Options.TopicArn))
        {
            throw new OptionsException([$"{RemittanceOptions.TopicArnVariable} is not set: the {services.Options.Service} workflow function publishes to the {topic} topic."]);
        }

        var config = new AmazonSimpleNotificationServiceConfig { Region = services.Options.Region };
        if (services.Options.SnsServiceUrl is { } url)
        {
            config.ServiceURL = url;
        }

        return new SnsTopicPublisher(services.Own(new AmazonSimpleNotificationServiceClient(config)), topic, services.Options.TopicArn);
    }

    /// <summary>
    /// The sweeper, told which errors the workflows catch: those end in a Fail state, where a redrive would only fail
    /// again, so it starts a new execution for them instead.
    /// </summary>
    public static SweeperSettings SweeperSettingsFor(RemittanceServices services) => SweeperSettings.From(services.Options) with
    {
        NewExecutionErrors = WorkflowCatalog.ForService(services.Options.Service).Tasks
            .SelectMany(t => t.Catch).SelectMany(c => c.Errors).ToHashSet(StringComparer.Ordinal),
    };
}
