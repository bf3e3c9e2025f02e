namespace Remittance.Pipeline.Tracking;

/// <summary>Step Functions' execution ARN for a name: the state machine's ARN with "execution" and the name.</summary>
public static class ExecutionArns
{
    public static string For(string stateMachineArn, string executionName)
    {
        // arn:partition:states:region:account:stateMachine:name[:version-or-alias] → arn:…:execution:name:executionName
        var parts = stateMachineArn.Split(':');
        if (parts.Length < 7 || parts[5] != "stateMachine")
        {
            throw new ArgumentException($"'{stateMachineArn}' is not a state machine ARN.", nameof(stateMachineArn));
        }

        return string.Join(':', parts[..5]) + ":execution:" + parts[6] + ":" + executionName;
    }
}
