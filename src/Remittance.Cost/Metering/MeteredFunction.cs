namespace Remittance.Cost.Metering;

/// <summary>Who made a metered call: one of the Lambda functions, or the state machine's own (native) integrations.</summary>
public enum MeteredFunction
{
    Ingest,
    Stream,
    Workflow,
    Status,
    Sweeper,
    StateMachine,
}
