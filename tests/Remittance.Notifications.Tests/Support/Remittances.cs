using Remittance.Domain;
using Remittance.Domain.Enrichment;

namespace Remittance.Notifications.Tests.Support;

/// <summary>Hand-made remittances for unit tests, varied with <c>with</c>.</summary>
internal static class Remittances
{
    public static CurrencyInfo Currency(string code) =>
        Iso4217.TryGet(code, out var currency) ? currency : throw new ArgumentException(code, nameof(code));

    public static EnrichedRemittance Business(string? locale = "en-US", string country = "US", PaymentOutcome outcome = PaymentOutcome.Settled) =>
        new(
            "req-0001",
            "acme-bank",
            "ACME-REF-1",
            outcome,
            new DateTimeOffset(2026, 11, 21, 10, 15, 0, TimeSpan.Zero),
            1250.00m,
            Currency("USD"),
            PaymentMethod.Ach,
            new Payee("payee-0001", PayeeType.Business, country, locale),
            RemittancePurposes.For(outcome),
            "Payment for invoices INV-1, INV-2",
            [
                new EnrichedInvoice("INV-1", "Desks", 800.00m, "USD", new DateOnly(2026, 10, 20), "PO-1"),
                new EnrichedInvoice("INV-2", "Chairs", 450.00m, "USD", new DateOnly(2026, 10, 22)),
            ]);

    public static EnrichedRemittance Individual(string? locale, string country, PaymentOutcome outcome = PaymentOutcome.Settled) =>
        Business(locale, country, outcome) with { Payee = new Payee("payee-0002", PayeeType.Individual, country, locale) };
}
