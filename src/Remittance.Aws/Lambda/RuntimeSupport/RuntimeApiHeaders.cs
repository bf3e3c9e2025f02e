namespace Remittance.Aws.Lambda.RuntimeSupport;

/// <summary>Names of the Lambda Runtime API (2018-06-01), shared by the bootstrap and the local stand-in.</summary>
public static class RuntimeApiHeaders
{
    public const string ApiVersion = "2018-06-01";

    public const string RequestId = "Lambda-Runtime-Aws-Request-Id";

    /// <summary>The invocation's deadline, Unix epoch milliseconds.</summary>
    public const string DeadlineMs = "Lambda-Runtime-Deadline-Ms";

    public const string InvokedFunctionArn = "Lambda-Runtime-Invoked-Function-Arn";

    public const string TraceId = "Lambda-Runtime-Trace-Id";

    public const string ClientContext = "Lambda-Runtime-Client-Context";

    public const string CognitoIdentity = "Lambda-Runtime-Cognito-Identity";

    public const string FunctionErrorType = "Lambda-Runtime-Function-Error-Type";

    /// <summary>Where the X-Ray SDK looks for the current trace header.</summary>
    public const string TraceIdEnvironmentVariable = "_X_AMZN_TRACE_ID";

    public const string ErrorContentType = "application/vnd.aws.lambda.error+json";
}
