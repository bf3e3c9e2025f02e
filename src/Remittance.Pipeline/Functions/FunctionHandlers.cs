using Remittance.Aws.Lambda.RuntimeSupport;
using Remittance.Aws.Lambda.Serialization;
using Remittance.Pipeline.Composition;

namespace Remittance.Pipeline.Functions;

/// <summary>
/// The wire-level handler of each function (JSON event in, JSON response out), used by the Lambda executable and by
/// <c>remittance local invoke</c>, so both run exactly the same code.
/// </summary>
public static class FunctionHandlers
{
    public static bool TryParse(string? handler, out FunctionName function)
    {
        // Lambda's handler string may carry a "module::" style prefix in other runtimes; only the last part names ours.
        var name = handler?.Split("::", StringSplitOptions.RemoveEmptyEntries).LastOrDefault();
        return Enum.TryParse(name, ignoreCase: true, out function) && Enum.IsDefined(function);
    }

    public static HandlerWrapper Create(FunctionName function, RemittanceServices services) => function switch
    {
        FunctionName.Ingest => HandlerWrapper.GetHandlerWrapper(
            new IngestFunction(services.CreateIngestProcessor()).HandleAsync,
            AwsEventsJsonContext.Default.SQSEvent,
            AwsEventsJsonContext.Default.SQSBatchResponse),
        FunctionName.Stream => HandlerWrapper.GetHandlerWrapper(
            new StreamFunction(services.CreateStartProcessor()).HandleAsync,
            AwsEventsJsonContext.Default.DynamoDBEvent,
            AwsEventsJsonContext.Default.StreamsEventResponse),
        FunctionName.Status => StatusFunction.CreateHandler(services),
        FunctionName.Sweeper => SweeperFunction.CreateHandler(services),
        _ => throw new ArgumentOutOfRangeException(nameof(function), function, $"The {function} function is not served by the pipeline alone."),
    };
}
