using Remittance.Domain;
using Remittance.Notifications.Tests.Support;

namespace Remittance.Notifications.Tests;

/// <summary><c>samples/invoices.jsonl</c> against the partner message samples it serves.</summary>
public sealed class InvoiceSamplesTests
{
    [Fact]
    public void Invoices_CoverEveryInvoiceOfEveryValidSample_ForItsPayee()
    {
        foreach (var (source, message) in SampleRemittances.ValidMessages())
        {
            foreach (var id in message.InvoiceIds)
            {
                Assert.True(SampleRemittances.Invoices.TryGetValue(id, out var line), $"{source}: no invoice '{id}'");
                Assert.Equal(message.Payee.Id, line.PayeeId);
            }
        }
    }

    [Fact]
    public void Invoices_EachOne_IsUsedByASample()
    {
        var used = SampleRemittances.ValidMessages().SelectMany(m => m.Message.InvoiceIds).ToHashSet(StringComparer.Ordinal);

        Assert.All(SampleRemittances.Invoices.Keys, id => Assert.Contains(id, used));
    }

    [Fact]
    public void Invoices_Amounts_AreWrittenWithTheirCurrencysMinorUnits()
    {
        foreach (var line in SampleRemittances.Invoices.Values)
        {
            Assert.True(Iso4217.TryGet(line.Invoice.Currency, out var currency), line.Invoice.InvoiceId);
            var point = line.AmountText.IndexOf('.', StringComparison.Ordinal);
            Assert.Equal(currency.MinorUnits, point < 0 ? 0 : line.AmountText.Length - point - 1);
        }
    }

    [Fact]
    public void Invoices_OfEachSample_AddUpToThePaymentAmount()
    {
        // 021 exists to conflict with 001: same request and invoices, different amount.
        foreach (var (source, remittance) in SampleRemittances.All().Where(s => s.Source != "021-conflict-with-001.json"))
        {
            Assert.All(remittance.Invoices, i => Assert.Equal(remittance.Currency.Code, i.Currency));
            Assert.True(remittance.Amount == remittance.Invoices.Sum(i => i.Amount), $"{source}: invoices add up to {remittance.Invoices.Sum(i => i.Amount)}, not {remittance.Amount}");
        }
    }
}
