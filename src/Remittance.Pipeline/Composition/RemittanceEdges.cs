using Amazon.DynamoDBv2;
using Remittance.Aws.SimpleNotificationService;
using Remittance.Aws.StepFunctions;

namespace Remittance.Pipeline.Composition;

/// <summary>
/// The only parts of a function a host may replace: its AWS clients, its clock and where its log goes. Null means
/// what Lambda uses (the real client built from the options, the system clock, standard output). What a function
/// does is never an edge: that comes from its settings and the service catalog alone.
/// </summary>
public sealed record RemittanceEdges
{
    public IAmazonDynamoDB? DynamoDb { get; init; }

    public IAmazonStepFunctions? StepFunctions { get; init; }

    public IAmazonSimpleNotificationService? Sns { get; init; }

    public TimeProvider? Time { get; init; }

    public TextWriter? LogWriter { get; init; }
}
