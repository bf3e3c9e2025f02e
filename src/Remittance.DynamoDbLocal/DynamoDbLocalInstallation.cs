namespace Remittance.DynamoDbLocal;

/// <summary>A folder holding DynamoDBLocal.jar with its native libraries in DynamoDBLocal_lib beside it.</summary>
public sealed record DynamoDbLocalInstallation(string Directory)
{
    public string JarPath => Path.Combine(Directory, "DynamoDBLocal.jar");

    public string NativeLibraryDirectory => Path.Combine(Directory, "DynamoDBLocal_lib");

    internal bool IsComplete => File.Exists(JarPath) && System.IO.Directory.Exists(NativeLibraryDirectory);
}
