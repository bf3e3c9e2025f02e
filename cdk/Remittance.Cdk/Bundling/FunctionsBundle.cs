using Amazon.CDK.AWS.S3.Assets;
using Remittance.Cdk.Configuration;

namespace Remittance.Cdk.Bundling;

/// <summary>
/// The one Lambda binary (<c>bootstrap</c>, provided.al2023, Native AOT) every function runs, with its handler naming
/// the function. Built by this app with <c>dotnet publish</c> on the machine running the synth (no Docker), or taken from
/// a folder published earlier (context <c>functionsPublishDir</c> or REMITTANCE_FUNCTIONS_PUBLISH_DIR).
/// </summary>
public static class FunctionsBundle
{
    /// <summary>x86_64 Lambda; switch together with <see cref="Patterns.FunctionSizing.Architecture"/> for arm64.</summary>
    public const string RuntimeIdentifier = "linux-x64";

    public const string ExecutableName = "bootstrap";

    /// <summary>Where the app publishes by default, relative to the repository root (ignored by git).</summary>
    public static readonly string DefaultOutput = Path.Combine("cdk", ".build", "functions", RuntimeIdentifier);

    /// <summary>Intermediate build output of that publish, kept apart from src/*/obj so it never races an IDE or test build.</summary>
    public static readonly string ArtifactsPath = Path.Combine("cdk", ".build", "artifacts");

    public static string FunctionsProject(string repositoryRoot) =>
        Path.Combine(repositoryRoot, "src", "Remittance.Functions", "Remittance.Functions.csproj");

    /// <summary>The folder to package as the functions' code: the configured one, or a fresh publish.</summary>
    public static string Resolve(DeploymentSettings settings, string repositoryRoot)
    {
        ArgumentNullException.ThrowIfNull(settings);
        if (settings.FunctionsPublishDir is { } given)
        {
            // Relative paths are taken from the repository root, so the same value works from cdk/ and from tests.
            return Verified(Path.GetFullPath(given, repositoryRoot), $"{ContextKeys.FunctionsPublishDir} / {ContextKeys.FunctionsPublishDirVariable}");
        }

        var output = Path.Combine(repositoryRoot, DefaultOutput);
        Publish(repositoryRoot, output);
        return Verified(output, "dotnet publish");
    }

    /// <summary>
    /// What the functions' code asset takes from the publish folder: <c>bootstrap</c> alone. The publish also leaves
    /// <c>bootstrap.dbg</c> (the stripped symbols, twice the binary's size) and our assemblies' <c>.pdb</c> files there,
    /// kept for reading crash stacks; none of them is of use to Lambda, and every byte of the zip is read at a cold start.
    /// </summary>
    public static AssetOptions AssetOptions() => new() { Exclude = ["*", "!" + ExecutableName] };

    /// <summary>Publishes the functions (Native AOT: the project's publish settings) into <paramref name="output"/>.</summary>
    public static void Publish(string repositoryRoot, string output)
    {
        // A clean output folder: files a previous publish left behind would otherwise be shipped too.
        if (Directory.Exists(output))
        {
            Directory.Delete(output, recursive: true);
        }

        DotnetCommand.Run(repositoryRoot,
        [
            "publish", FunctionsProject(repositoryRoot),
            "--configuration", "Release",
            "--runtime", RuntimeIdentifier,
            "--output", output,
            "--artifacts-path", Path.Combine(repositoryRoot, ArtifactsPath),
            "--disable-build-servers",
            "--nologo",
            "--verbosity", "minimal",
        ]);
    }

    private static string Verified(string directory, string source)
    {
        var executable = Path.Combine(directory, ExecutableName);
        if (!File.Exists(executable))
        {
            throw new InvalidOperationException($"No '{ExecutableName}' in '{directory}' (from {source}): publish src/Remittance.Functions for {RuntimeIdentifier} there first.");
        }

        if (!OperatingSystem.IsWindows())
        {
            // Lambda runs the file as is: it must be executable inside the asset zip.
            var mode = File.GetUnixFileMode(executable);
            const UnixFileMode execute = UnixFileMode.UserExecute | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute;
            if ((mode & execute) != execute)
            {
                File.SetUnixFileMode(executable, mode | execute);
            }
        }

        return directory;
    }
}
