using System.Text.Json.Serialization;
using Remittance.Aws.Lambda.Core;

namespace Remittance.Aws.Lambda.RuntimeSupport;

/// <summary>The "client" member of the Lambda-Runtime-Client-Context header.</summary>
internal sealed class ClientApplication : IClientApplication
{
    [JsonPropertyName("app_package_name")]
    public string? AppPackageName { get; set; }

    [JsonPropertyName("app_title")]
    public string? AppTitle { get; set; }

    [JsonPropertyName("app_version_code")]
    public string? AppVersionCode { get; set; }

    [JsonPropertyName("app_version_name")]
    public string? AppVersionName { get; set; }

    [JsonPropertyName("installation_id")]
    public string? InstallationId { get; set; }
}
