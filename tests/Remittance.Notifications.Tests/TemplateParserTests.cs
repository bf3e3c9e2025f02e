using Remittance.Notifications.Templates;

namespace Remittance.Notifications.Tests;

public sealed class TemplateParserTests
{
    [Theory]
    [InlineData("{{#each invoices}}x", 1, 1, "{{#each invoices}} is never closed with {{/each}}")]
    [InlineData("x {{/each}}", 1, 3, "'{{/each}}' closes a block that was never opened")]
    [InlineData("{{#each invoices}}\n  {{/if}}", 2, 3, "'{{/if}}' does not match {{#each invoices}} opened at line 1, column 1")]
    [InlineData("{{{amount}}}", 1, 1, "'{{{…}}}' (unescaped output) is not supported: every value is written escaped")]
    [InlineData("{{&amount}}", 1, 1, "'{{&amount}}': unescaped output is not supported")]
    [InlineData("{{> footer}}", 1, 1, "'{{> footer}}': partials are not supported")]
    [InlineData("{{formatDate settledOn}}", 1, 1, "'{{formatDate settledOn}}': helpers are not supported; a mustache holds one property path such as {{amount}}")]
    [InlineData("{{~amount}}", 1, 1, "'~' whitespace control is not supported")]
    [InlineData("{{#with payee}}{{id}}{{/with}}", 1, 1, "'{{#with payee}}': only the #each, #if and #unless blocks are supported")]
    [InlineData("{{#if}}x{{/if}}", 1, 1, "'{{#if}}' needs exactly one property path, e.g. {{#if invoices}}")]
    [InlineData("Dear {{amount", 1, 6, "'{{' is never closed with '}}'")]
    [InlineData("{{amount {{currency}}", 1, 1, "'{{' is never closed with '}}'")]
    [InlineData("a\n  {{else}}", 2, 3, "'{{else}}' is outside any block")]
    [InlineData("{{#if amount}}{{else}}{{else}}{{/if}}", 1, 23, "{{#if amount}} has a second {{else}}")]
    [InlineData("{{#if amount}}{{else if currency}}{{/if}}", 1, 15, "'{{else if currency}}': chained else is not supported; nest an {{#if}} inside {{else}}")]
    [InlineData("\\{{amount}}", 1, 1, "'\\{{' (an escaped mustache) is not supported; templates cannot print '{{' literally")]
    [InlineData("{{!-- never closed }}", 1, 1, "comment is never closed with '--}}'")]
    [InlineData("{{payee/id}}", 1, 1, "'payee/id' is not a supported path: write property names separated by '.', e.g. payee.id or ../currency")]
    [InlineData("{{@root}}", 1, 1, "'@root' is not a supported data variable; inside {{#each}} use @index, @first or @last")]
    [InlineData("{{ }}", 1, 1, "'{{}}' is empty")]
    public void TryParse_WhenOutsideTheSubset_ReportsWhereAndWhy(string source, int line, int column, string message)
    {
        Assert.False(TemplateParser.TryParse(source, out _, out var issue));

        Assert.Equal(new TemplateIssue(line, column, message), issue);
    }

    [Fact]
    public void TryParse_CommentsAndLoneBraces_AreAllowed()
    {
        Assert.True(TemplateParser.TryParse("{{! note }}{{!-- {{amount}} --}}a } b { c }}", out var template, out _));

        var text = Assert.IsType<TextNode>(Assert.Single(template.Nodes));
        Assert.Equal("a } b { c }}", text.Text);
    }

    [Fact]
    public void TryParse_Blocks_NestWithTheirElseParts()
    {
        Assert.True(TemplateParser.TryParse("{{#each invoices}}{{#if purchaseOrder}}P{{else}}N{{/if}}{{else}}none{{/each}}", out var template, out _));

        var each = Assert.IsType<BlockNode>(Assert.Single(template.Nodes));
        Assert.Equal(BlockKind.Each, each.Kind);
        Assert.Equal("none", Assert.IsType<TextNode>(Assert.Single(each.Else)).Text);
        var inner = Assert.IsType<BlockNode>(Assert.Single(each.Body));
        Assert.Equal((BlockKind.If, "purchaseOrder"), (inner.Kind, inner.Path.Text));
    }
}
