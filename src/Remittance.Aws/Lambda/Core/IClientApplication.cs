namespace Remittance.Aws.Lambda.Core;

/// <summary>The calling application, for invocations from the AWS Mobile SDK.</summary>
public interface IClientApplication
{
    string? AppPackageName { get; }

    string? AppTitle { get; }

    string? AppVersionCode { get; }

    string? AppVersionName { get; }

    string? InstallationId { get; }
}
