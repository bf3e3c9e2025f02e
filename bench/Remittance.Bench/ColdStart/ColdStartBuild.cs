namespace Remittance.Bench.ColdStart;

/// <summary>One <c>dotnet publish</c> of a project for linux-x64 with the given properties, into out/bench/publish/<c>Name</c>.</summary>
/// <param name="Name">Folder name under out/bench/publish and out/bench/artifacts.</param>
/// <param name="Project">The project folder, relative to the repository root.</param>
/// <param name="Properties">MSBuild global properties (-p:Name=Value) on top of the project's own.</param>
/// <param name="Description">How it is built, for the report.</param>
public sealed record ColdStartBuild(string Name, string Project, IReadOnlyList<string> Properties, string Description)
{
    public string Directory(string outputRoot) => Path.Combine(outputRoot, "publish", Name);
}
