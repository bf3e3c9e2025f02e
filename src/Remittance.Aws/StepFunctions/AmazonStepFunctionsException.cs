using System.Net;
using Remittance.Aws.Runtime;

namespace Remittance.Aws.StepFunctions;

/// <summary>Any error answered by Step Functions; specific codes have their own subclasses.</summary>
public class AmazonStepFunctionsException : AwsServiceException
{
    public AmazonStepFunctionsException(string message)
        : base(message)
    {
    }

    public AmazonStepFunctionsException(string message, Exception? innerException, string? errorCode, string? requestId, HttpStatusCode statusCode)
        : base(message, innerException, errorCode, requestId, statusCode)
    {
    }
}
