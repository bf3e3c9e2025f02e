namespace Remittance.Cdk.Tests.Support;

/// <summary>The two uses of the tracked-workflow pattern, as theory data.</summary>
public static class Services
{
    public static TheoryData<string> Names => ["enrichment", "notification"];
}
