using Remittance.Domain;
using Remittance.Notifications.Tests.Support;

namespace Remittance.Notifications.Tests.Enrichment;

internal static class EnvelopeAssert
{
    public static string ExamplePath { get; } = RepositoryRoot.Combine("samples", "notifications", "envelope-example.json");

    public static string Describe(IEnumerable<ValidationError> errors) =>
        string.Join("; ", errors.Select(e => $"{e.Field} {e.Code}: {e.Message}"));
}
