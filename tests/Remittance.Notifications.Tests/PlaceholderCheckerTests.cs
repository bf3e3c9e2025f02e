using Remittance.Notifications.Templates;

namespace Remittance.Notifications.Tests;

public sealed class PlaceholderCheckerTests
{
    [Theory]
    [InlineData("{{amont}}", "unknown placeholder 'amont': the remittance has no property 'amont' (it has: amount, amountValue, currency, invoiceCount, invoices, locale, outcome, partnerId, partnerReference, payee, paymentDescription, paymentMethod, purpose, requestId, settledOn)")]
    [InlineData("{{payee.name}}", "unknown placeholder 'payee.name': 'payee' has no property 'name' (it has: country, id, locale, type)")]
    [InlineData("{{#each invoices}}{{requestId}}{{/each}}", "unknown placeholder 'requestId': an item of the enclosing #each has no property 'requestId' (it has: amount, amountValue, currency, description, invoiceId, issuedOn, purchaseOrder)")]
    [InlineData("{{amount.value}}", "'amount.value': 'amount' is a value and has no property 'value'")]
    [InlineData("{{invoices}}", "'{{invoices}}' is a list, which cannot be printed; iterate it with {{#each invoices}}…{{/each}}")]
    [InlineData("{{payee}}", "'{{payee}}' is an object, which cannot be printed; name one of its properties")]
    [InlineData("{{this}}", "'{{this}}' is an object, which cannot be printed; name one of its properties")]
    [InlineData("{{#each payee}}x{{/each}}", "{{#each payee}}: 'payee' is an object, not a list")]
    [InlineData("{{@index}}", "'@index' is only defined inside {{#each}}")]
    [InlineData("{{../amount}}", "'../amount' steps out of 1 #each block(s), but only 0 enclose it")]
    [InlineData("{{#if purchaseOrder}}x{{/if}}", "unknown placeholder 'purchaseOrder': the remittance has no property 'purchaseOrder' (it has: amount, amountValue, currency, invoiceCount, invoices, locale, outcome, partnerId, partnerReference, payee, paymentDescription, paymentMethod, purpose, requestId, settledOn)")]
    public void Check_WhenAPathIsNotInTheModel_SaysWhatIsThere(string source, string message)
    {
        Assert.True(TemplateParser.TryParse(source, out var template, out _));

        var issue = Assert.Single(PlaceholderChecker.Check(template, TemplateModel.Shape));

        Assert.Equal(message, issue.Message);
    }

    [Fact]
    public void Check_ScopesParentsAndDataVariables_AreUnderstood()
    {
        const string Source = "{{#each invoices}}{{@index}} {{this.amount}} {{../currency}} {{#if @first}}{{../payee.id}}{{/if}}{{#unless purchaseOrder}}-{{/unless}}{{/each}}{{#if invoices}}{{invoiceCount}}{{/if}}";
        Assert.True(TemplateParser.TryParse(Source, out var template, out _));

        Assert.Empty(PlaceholderChecker.Check(template, TemplateModel.Shape));
    }

    [Fact]
    public void Check_ReportsEveryUnknownPlaceholderWithItsPosition()
    {
        Assert.True(TemplateParser.TryParse("Hello {{nme}},\n  {{amount}} {{curency}}", out var template, out _));

        var issues = PlaceholderChecker.Check(template, TemplateModel.Shape);

        Assert.Equal([(1, 7), (2, 14)], issues.Select(i => (i.Line, i.Column)));
    }
}
