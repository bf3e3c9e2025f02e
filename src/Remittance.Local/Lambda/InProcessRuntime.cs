using Amazon.DynamoDBv2;
using Remittance.Aws.SimpleNotificationService;
using Remittance.Local.StepFunctions;
using Remittance.Pipeline.Composition;

namespace Remittance.Local.Lambda;

/// <summary>
/// Runs each function in this process, built by the same composition root as the binary from the same environment;
/// only the edges differ: the service's DynamoDB client (DynamoDB Local, with injected faults when asked), the local
/// Step Functions and SNS, the clock, and a log writer the report reads.
/// </summary>
public sealed class InProcessRuntime(Func<string, IAmazonDynamoDB> dynamoDb, IAmazonSimpleNotificationService sns, TimeProvider time, TimeSpan timeout) : ILocalRuntime
{
    public string Description => "in process: each function built by FunctionHost from its deployed environment, AWS clients replaced by local ones";

    public ILocalFunction Start(string service, FunctionName function, IReadOnlyDictionary<string, string> environment, LocalStepFunctions stepFunctions,
        Action<string> onLogLine) =>
        new InProcessFunction($"{service}-{FunctionNames.Handler(function)}", function, environment, new RemittanceEdges
        {
            DynamoDb = dynamoDb(service),
            StepFunctions = stepFunctions,
            Sns = sns,
            Time = time,
            LogWriter = new LineWriter(onLogLine),
        }, timeout);

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
