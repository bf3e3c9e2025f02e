using System.Globalization;

namespace Remittance.Local.Lambda;

/// <summary>
/// The environment of one function process: what Lambda sets for a provided.al2023 function, overlaid with the
/// function's own variables. Nothing comes from this process's environment, so a setting the function's
/// configuration forgot is missing here too, as it would be in AWS.
/// </summary>
internal static class FunctionProcessEnvironment
{
    public const string RuntimeApiVariable = "AWS_LAMBDA_RUNTIME_API";

    private static readonly string[] s_credentialVariables = ["AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY", "AWS_SESSION_TOKEN"];

    public static Dictionary<string, string> For(FunctionProcessOptions options, string runtimeApiAddress)
    {
        var taskRoot = Path.GetDirectoryName(Path.GetFullPath(options.BootstrapPath))!;
        var environment = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["AWS_REGION"] = "us-east-1",
            ["AWS_DEFAULT_REGION"] = "us-east-1",
            ["AWS_LAMBDA_FUNCTION_NAME"] = options.FunctionName,
            ["AWS_LAMBDA_FUNCTION_VERSION"] = "$LATEST",
            ["AWS_LAMBDA_FUNCTION_MEMORY_SIZE"] = options.MemorySizeMb.ToString(CultureInfo.InvariantCulture),
            ["AWS_LAMBDA_INITIALIZATION_TYPE"] = "on-demand",
            ["AWS_LAMBDA_LOG_GROUP_NAME"] = "/aws/lambda/" + options.FunctionName,
            ["LAMBDA_TASK_ROOT"] = taskRoot,
            ["TZ"] = ":UTC",
            ["LANG"] = "en_US.UTF-8",
            ["PATH"] = "/usr/local/bin:/usr/bin:/bin",
            // Lambda's only writable place is /tmp; a tool that wants a home finds one there.
            ["HOME"] = Path.GetTempPath().TrimEnd(Path.DirectorySeparatorChar),
        };

        // The execution role's credentials in AWS; here fakes that DynamoDB Local and the other stand-ins accept. A
        // function given any credentials of its own gets only those: a fake token beside real keys would break them.
        if (!s_credentialVariables.Any(options.Environment.ContainsKey))
        {
            foreach (var name in s_credentialVariables)
            {
                environment[name] = "local";
            }
        }

        foreach (var (name, value) in options.Environment)
        {
            environment[name] = value;
        }

        // The one thing the function's configuration can never choose: where its Runtime API is.
        environment[RuntimeApiVariable] = runtimeApiAddress;
        return environment;
    }
}
