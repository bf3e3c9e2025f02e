namespace Remittance.Workflows.Definition;

/// <summary>Error names the workflows raise and match, as Step Functions sees them.</summary>
public static class WorkflowErrors
{
    public const string All = "States.ALL";
    public const string TaskFailed = "States.TaskFailed";
    public const string Timeout = "States.Timeout";

    // What Lambda's service raises when an invocation itself fails (not our code).
    public const string LambdaService = "Lambda.ServiceException";
    public const string LambdaThrottled = "Lambda.TooManyRequestsException";
    public const string LambdaSdkClient = "Lambda.SdkClientException";
    public const string LambdaAwsError = "Lambda.AWSLambdaException";

    // Raised by our steps. Lambda reports an unhandled exception's type name as the error, so these are type names.
    /// <summary>A dependency did not answer (lookup throttled or down): retry in the workflow, then fail for the sweeper.</summary>
    public const string Transient = nameof(Steps.TransientStepError);

    /// <summary>The data can never succeed as is (e.g. an invalid message reached the workflow). Caught, never redriven.</summary>
    public const string Permanent = nameof(Steps.PermanentStepError);

    /// <summary>A referenced invoice is missing from the Invoices table: fails the run; re-driven once the data is there.</summary>
    public const string InvoiceNotFound = nameof(Steps.InvoiceNotFoundError);

    /// <summary>No notification rule matches the message: fails the run rather than sending the wrong template.</summary>
    public const string NoTemplate = nameof(Steps.NoMatchingTemplateError);

    public const string SnsThrottled = "SNS.ThrottledException";
    public const string SnsInternal = "SNS.InternalErrorException";
    public const string DynamoDbThrottled = "DynamoDB.ProvisionedThroughputExceededException";
    public const string DynamoDbRequestLimit = "DynamoDB.RequestLimitExceeded";
    public const string DynamoDbInternal = "DynamoDB.InternalServerErrorException";
    public const string DynamoDbConditionFailed = "DynamoDB.ConditionalCheckFailedException";
}
