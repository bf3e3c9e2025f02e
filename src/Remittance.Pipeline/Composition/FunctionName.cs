namespace Remittance.Pipeline.Composition;

/// <summary>The functions this code base deploys; the Lambda handler string (_HANDLER) names one of them.</summary>
public enum FunctionName
{
    /// <summary>SQS → remittance items.</summary>
    Ingest,

    /// <summary>DynamoDB Streams → StartExecution.</summary>
    Stream,

    /// <summary>The workflow's Lambda task states (validate, enrich, transform; choose, render).</summary>
    Workflow,

    /// <summary>EventBridge "Step Functions Execution Status Change" → failure recorded on the item.</summary>
    Status,

    /// <summary>Scheduled or manual: re-drives failures and reconciles stuck runs.</summary>
    Sweeper,
}
