using System.Text.Json.Serialization;
using Remittance.Aws.Lambda.Core;

namespace Remittance.Aws.Lambda.RuntimeSupport;

/// <summary>The JSON of the Lambda-Runtime-Client-Context header.</summary>
internal sealed class ClientContext : IClientContext
{
    [JsonPropertyName("env")]
    public Dictionary<string, string> Environment { get; set; } = [];

    [JsonPropertyName("client")]
    public ClientApplication? Client { get; set; }

    [JsonPropertyName("custom")]
    public Dictionary<string, string> Custom { get; set; } = [];

    IDictionary<string, string> IClientContext.Environment => Environment;

    IClientApplication? IClientContext.Client => Client;

    IDictionary<string, string> IClientContext.Custom => Custom;
}
