using System.Globalization;
using Remittance.Pipeline.Composition;

namespace Remittance.Workflows.Composition;

/// <summary>
/// The one source of each function's environment variables: the CDK app sets exactly these on the deployed function,
/// and the local host starts the function (in process or the real binary) with exactly these. A setting missing here
/// is missing everywhere, so the tests of the local run find it.
/// </summary>
public static class FunctionEnvironment
{
    public static IReadOnlyDictionary<string, string> For(FunctionName function, ServiceDefinition service, ServiceResources resources)
    {
        ArgumentNullException.ThrowIfNull(service);
        ArgumentNullException.ThrowIfNull(resources);
        var defaults = new RemittanceOptions();
        var environment = new SortedDictionary<string, string>(StringComparer.Ordinal)
        {
            [RemittanceOptions.TableNameVariable] = resources.TableName,
            [RemittanceOptions.ServiceVariable] = service.Name,
        };

        if (function is FunctionName.Stream or FunctionName.Sweeper)
        {
            environment[RemittanceOptions.StateMachineArnVariable] = resources.StateMachineArn;
        }

        if (function is FunctionName.Status or FunctionName.Sweeper)
        {
            environment[RemittanceOptions.RetryThresholdVariable] = resources.RetryThreshold.ToString(CultureInfo.InvariantCulture);
        }

        if (function is FunctionName.Sweeper)
        {
            environment[RemittanceOptions.StartRatePerSecondVariable] = defaults.StartRatePerSecond.ToString(CultureInfo.InvariantCulture);
            environment[RemittanceOptions.StartBurstVariable] = defaults.StartBurst.ToString(CultureInfo.InvariantCulture);
        }

        foreach (var setting in service.RequiredSettings.Where(s => s.Function == function))
        {
            environment[setting.Variable] = resources.Value(setting.Variable) is { Length: > 0 } value
                ? value
                : throw new InvalidOperationException(
                    $"The {service.Name} {FunctionNames.Handler(function)} function needs {setting.Variable}: {setting.Purpose} Give it in the service's resources.");
        }

        return environment;
    }
}
