using System.Globalization;
using System.Text;

namespace Remittance.Notifications.Templates;

/// <summary>Renders a parsed, checked template over a model, with Handlebars' semantics for the supported subset.</summary>
internal static class TemplateEvaluator
{
    public static string Render(ParsedTemplate template, ObjectValue model, bool escapeHtml)
    {
        var output = new StringBuilder(template.Source.Length * 2);
        new Run(output, escapeHtml).Nodes(template.Nodes, [model], []);
        return output.ToString();
    }

    private sealed class Run(StringBuilder output, bool escapeHtml)
    {
        public void Nodes(IReadOnlyList<TemplateNode> nodes, List<TemplateValue> contexts, List<(int Index, int Count)> loops)
        {
            foreach (var node in nodes)
            {
                switch (node)
                {
                    case TextNode text:
                        output.Append(text.Text);
                        break;
                    case ValueNode value:
                        Print(Resolve(value.Path, contexts, loops));
                        break;
                    case BlockNode block:
                        Block(block, contexts, loops);
                        break;
                }
            }
        }

        private void Block(BlockNode block, List<TemplateValue> contexts, List<(int Index, int Count)> loops)
        {
            var value = Resolve(block.Path, contexts, loops);
            switch (block.Kind)
            {
                case BlockKind.Each when value is ListValue { Items.Count: > 0 } list:
                    for (var index = 0; index < list.Items.Count; index++)
                    {
                        Nodes(block.Body, [.. contexts, list.Items[index]], [.. loops, (index, list.Items.Count)]);
                    }

                    break;
                case BlockKind.Each:
                    Nodes(block.Else, contexts, loops);
                    break;
                default:
                    var show = IsTruthy(value) == (block.Kind == BlockKind.If);
                    Nodes(show ? block.Body : block.Else, contexts, loops);
                    break;
            }
        }

        private void Print(TemplateValue? value)
        {
            // Objects and lists cannot reach here: the catalog refuses templates that print them.
            if (value is not ScalarValue scalar)
            {
                return;
            }

            if (escapeHtml)
            {
                HtmlEscaper.Append(output, scalar.Text);
            }
            else
            {
                output.Append(scalar.Text);
            }
        }

        private static TemplateValue? Resolve(TemplatePath path, List<TemplateValue> contexts, List<(int Index, int Count)> loops)
        {
            if (path.DataVariable is { } variable)
            {
                if (loops.Count == 0)
                {
                    return null;
                }

                var (index, count) = loops[^1];
                return variable switch
                {
                    "index" => new ScalarValue(index.ToString(CultureInfo.InvariantCulture), index != 0),
                    "first" => Flag(index == 0),
                    "last" => Flag(index == count - 1),
                    _ => null,
                };
            }

            if (path.ParentSteps >= contexts.Count)
            {
                return null;
            }

            var current = contexts[contexts.Count - 1 - path.ParentSteps];
            foreach (var segment in path.Segments)
            {
                if (current is not ObjectValue obj || !obj.Fields.TryGetValue(segment, out var next))
                {
                    return null;
                }

                current = next;
            }

            return current;
        }

        private static ScalarValue Flag(bool value) => new(value ? "true" : "false", value);

        private static bool IsTruthy(TemplateValue? value) => value switch
        {
            ScalarValue scalar => scalar.IsTruthy,
            ListValue list => list.Items.Count > 0,
            ObjectValue => true,
            _ => false,
        };
    }
}
