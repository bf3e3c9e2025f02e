namespace Remittance.Cdk.Tests.Support;

[CollectionDefinition(Name)]
public sealed class SynthCollection : ICollectionFixture<SynthesizedApp>
{
    public const string Name = "synthesized app";
}
