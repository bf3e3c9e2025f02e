using Remittance.Aws.Lambda.Core;

namespace Remittance.Local.Lambda;

/// <summary>The local host keeps the console for its own report; function logs go to the JSON log writer instead.</summary>
public sealed class DiscardingLambdaLogger : ILambdaLogger
{
    public void Log(string message)
    {
    }

    public void LogLine(string message)
    {
    }
}
