using Amazon;

namespace Remittance.Aws.Runtime;

/// <summary>
/// Settings shared by the hand-written AWS clients (JSON and query protocols), named like the SDK's ClientConfig (RegionEndpoint,
/// ServiceURL, AuthenticationRegion, MaxErrorRetry, Timeout) so configuring them reads the same.
/// </summary>
public abstract class AwsClientConfig
{
    /// <summary>The region; null falls back to AWS_REGION, then AWS_DEFAULT_REGION.</summary>
    public RegionEndpoint? RegionEndpoint { get; set; }

    /// <summary>The region by system name ("eu-west-1"); another way to set <see cref="RegionEndpoint"/>.</summary>
    public string? Region
    {
        get => RegionEndpoint?.SystemName;
        set => RegionEndpoint = string.IsNullOrWhiteSpace(value) ? null : RegionEndpoint.GetBySystemName(value);
    }

    /// <summary>Overrides the endpoint (a local stand-in such as DynamoDB Local); requests are still signed.</summary>
    public string? ServiceURL { get; set; }

    /// <summary>The region to sign for when it differs from <see cref="RegionEndpoint"/> (custom endpoints).</summary>
    public string? AuthenticationRegion { get; set; }

    /// <summary>Retries after the first attempt, as in the SDK: the default 2 makes 3 attempts (standard mode).</summary>
    public int MaxErrorRetry { get; set; } = 2;

    /// <summary>How long one attempt may take before it is abandoned (and retried, if attempts remain).</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>The first backoff ceiling; each retry doubles it, with full jitter, up to <see cref="MaxBackoff"/>.</summary>
    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromMilliseconds(100);

    public TimeSpan MaxBackoff { get; set; } = TimeSpan.FromSeconds(20);

    /// <summary>The clock used for signing and backoff; replace it to sign at a fixed time in tests.</summary>
    public TimeProvider TimeProvider { get; set; } = TimeProvider.System;

    /// <summary>Replaces the HTTP stack (tests, custom proxies); the client does not dispose it.</summary>
    public HttpMessageHandler? HttpMessageHandler { get; set; }

    internal RegionEndpoint ResolveRegion()
    {
        if (RegionEndpoint is { } configured)
        {
            return configured;
        }

        var fromEnvironment = Environment.GetEnvironmentVariable("AWS_REGION") ?? Environment.GetEnvironmentVariable("AWS_DEFAULT_REGION");
        if (!string.IsNullOrWhiteSpace(fromEnvironment))
        {
            return RegionEndpoint.GetBySystemName(fromEnvironment);
        }

        if (ServiceURL is not null)
        {
            // A local stand-in does not care which region a request is signed for, but SigV4 needs one.
            return RegionEndpoint.USEast1;
        }

        throw new InvalidOperationException("No AWS region: set RegionEndpoint, Region or ServiceURL on the config, or AWS_REGION.");
    }

    internal Uri ResolveEndpoint(string endpointPrefix, RegionEndpoint region)
    {
        if (ServiceURL is { } serviceUrl)
        {
            return new Uri(serviceUrl.EndsWith('/') ? serviceUrl : serviceUrl + "/");
        }

        var dnsSuffix = string.IsNullOrEmpty(region.PartitionDnsSuffix) ? "amazonaws.com" : region.PartitionDnsSuffix;
        return new Uri($"https://{endpointPrefix}.{region.SystemName}.{dnsSuffix}/");
    }
}
