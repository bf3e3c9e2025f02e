using Remittance.Notifications.Templates;

namespace Remittance.Notifications.Tests;

public sealed class TemplateEvaluatorTests
{
    private static readonly ObjectValue s_model = ObjectValue.Of(
        ("title", ScalarValue.Of("Tom & \"Jerry\" <b>'x'</b> `y` = z")),
        ("empty", ScalarValue.Empty),
        ("currency", ScalarValue.Of("EUR")),
        ("items", new ListValue([
            ObjectValue.Of(("name", ScalarValue.Of("A")), ("po", ScalarValue.Of("PO-1"))),
            ObjectValue.Of(("name", ScalarValue.Of("B")), ("po", ScalarValue.Empty)),
            ObjectValue.Of(("name", ScalarValue.Of("C")), ("po", ScalarValue.Of("PO-3"))),
        ])),
        ("none", new ListValue([])));

    [Theory]
    [InlineData("{{title}}", true, "Tom &amp; &quot;Jerry&quot; &lt;b&gt;&#x27;x&#x27;&lt;/b&gt; &#x60;y&#x60; &#x3D; z")]
    [InlineData("{{title}}", false, "Tom & \"Jerry\" <b>'x'</b> `y` = z")]
    [InlineData("<p class=\"x\">{{currency}}</p>", true, "<p class=\"x\">EUR</p>")]
    [InlineData("{{#each items}}{{name}}{{#unless @last}}, {{/unless}}{{/each}}", true, "A, B, C")]
    [InlineData("{{#each items}}{{@index}}:{{name}}{{#if @first}}(first){{/if}} {{/each}}", true, "0:A(first) 1:B 2:C ")]
    [InlineData("{{#each items}}{{name}}{{#if po}} [{{po}}]{{else}} [-]{{/if}}; {{/each}}", true, "A [PO-1]; B [-]; C [PO-3]; ")]
    [InlineData("{{#each items}}{{../currency}}{{/each}}", true, "EUREUREUR")]
    [InlineData("{{#each none}}x{{else}}nothing{{/each}}", true, "nothing")]
    [InlineData("{{#if none}}x{{else}}empty list is falsy{{/if}}", true, "empty list is falsy")]
    [InlineData("{{#if empty}}x{{else}}empty text is falsy{{/if}}", true, "empty text is falsy")]
    [InlineData("{{#unless empty}}shown{{/unless}}", true, "shown")]
    [InlineData("{{#each items}}{{#if @index}}{{name}}{{/if}}{{/each}}", true, "BC")]
    [InlineData("a{{! comment }}b{{!-- {{title}} --}}c", true, "abc")]
    [InlineData("{{missing}}|{{items.name}}", true, "|")]
    public void Render_BehavesAsHandlebarsDoes(string source, bool escapeHtml, string expected)
    {
        Assert.True(TemplateParser.TryParse(source, out var template, out var issue), issue?.ToString());

        Assert.Equal(expected, TemplateEvaluator.Render(template, s_model, escapeHtml));
    }
}
