namespace Remittance.Cost.Metering;

/// <summary>The kinds of state the workflows have, as they matter for cost.</summary>
public enum StateKind
{
    /// <summary>A Lambda task: one invocation of the workflow function per attempt.</summary>
    Lambda,

    /// <summary>A native SNS publish (no Lambda).</summary>
    Publish,

    /// <summary>A native DynamoDB UpdateItem recording success (no Lambda).</summary>
    Record,

    /// <summary>The Fail state a caught error leads to.</summary>
    Fail,
}
