namespace Remittance.Aws.Lambda.Core;

/// <summary>Client application data sent by invocations from the AWS Mobile SDK.</summary>
public interface IClientContext
{
    IDictionary<string, string> Environment { get; }

    IClientApplication? Client { get; }

    IDictionary<string, string> Custom { get; }
}
