using System.Globalization;

namespace Remittance.Aws.Lambda.RuntimeSupport;

/// <summary>The function settings Lambda puts in the environment; read once, they do not change between invocations.</summary>
internal sealed record LambdaEnvironment(
    string FunctionName,
    string FunctionVersion,
    int MemoryLimitInMB,
    string LogGroupName,
    string LogStreamName)
{
    public static LambdaEnvironment Read(Func<string, string?> variable) => new(
        variable("AWS_LAMBDA_FUNCTION_NAME") ?? string.Empty,
        variable("AWS_LAMBDA_FUNCTION_VERSION") ?? "$LATEST",
        int.TryParse(variable("AWS_LAMBDA_FUNCTION_MEMORY_SIZE"), NumberStyles.Integer, CultureInfo.InvariantCulture, out var memory) ? memory : 0,
        variable("AWS_LAMBDA_LOG_GROUP_NAME") ?? string.Empty,
        variable("AWS_LAMBDA_LOG_STREAM_NAME") ?? string.Empty);
}
