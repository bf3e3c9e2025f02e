using System.Net;
using Remittance.Aws.Runtime;

namespace Remittance.Aws.Tests.Runtime;

public sealed class AwsErrorParsingTests
{
    [Theory]
    [InlineData("com.amazonaws.states#ExecutionAlreadyExists", "ExecutionAlreadyExists")]
    [InlineData("com.amazon.coral.validate#ValidationException", "ValidationException")]
    [InlineData("ThrottlingException", "ThrottlingException")]
    [InlineData("InvalidArn:http://internal.amazon.com/coral/com.amazonaws.swf.service.v2.model/", "InvalidArn")]
    [InlineData("", null)]
    [InlineData(null, null)]
    public void ErrorCode_StripsNamespaceAndSuffix(string? type, string? expected) =>
        Assert.Equal(expected, AwsJsonProtocolClient.ErrorCode(type));

    [Theory]
    [InlineData("ThrottlingException", HttpStatusCode.BadRequest, true, true)]
    [InlineData("ProvisionedThroughputExceededException", HttpStatusCode.BadRequest, true, true)]
    [InlineData("Anything", HttpStatusCode.TooManyRequests, true, true)]
    [InlineData("InternalFailure", HttpStatusCode.InternalServerError, false, true)]
    [InlineData("RequestTimeoutException", HttpStatusCode.BadRequest, false, true)]
    [InlineData("ValidationException", HttpStatusCode.BadRequest, false, false)]
    [InlineData("ExecutionLimitExceeded", HttpStatusCode.BadRequest, false, false)]
    public void AwsServiceException_ClassifiesThrottlingAndRetryable(string code, HttpStatusCode status, bool throttling, bool retryable)
    {
        var failure = new AwsServiceException("x", null, code, "rid", status);

        Assert.Equal(throttling, failure.IsThrottling);
        Assert.Equal(retryable, failure.IsRetryable);
    }
}
