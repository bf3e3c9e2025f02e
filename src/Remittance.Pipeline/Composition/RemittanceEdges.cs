using Amazon.DynamoDBv2;
using Remittance.Aws.StepFunctions;
using Remittance.Pipeline.Contracts;

namespace Remittance.Pipeline.Composition;

/// <summary>
/// The swappable edges of the composition root. Null means "build the real AWS client from the options"; the local
/// host and the tests pass DynamoDB Local's client, the local workflow runner, a fixed clock or a log writer.
/// </summary>
public sealed record RemittanceEdges
{
    public IAmazonDynamoDB? DynamoDb { get; init; }

    public IAmazonStepFunctions? StepFunctions { get; init; }

    public TimeProvider? Time { get; init; }

    public TextWriter? LogWriter { get; init; }

    /// <summary>The service's message contract; the notification service passes the enriched-envelope contract.</summary>
    public IMessageContract? Contract { get; init; }
}
