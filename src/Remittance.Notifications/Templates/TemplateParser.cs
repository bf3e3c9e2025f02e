// Over 300 lines: the parser of the Handlebars subset the catalog allows, with a specific error for each construct it refuses; kept whole so the grammar reads top to bottom.
using System.Diagnostics.CodeAnalysis;

namespace Remittance.Notifications.Templates;

/// <summary>
/// Parses the Handlebars subset the catalog allows: <c>{{path}}</c>, <c>{{#each}}</c>, <c>{{#if}}</c>,
/// <c>{{#unless}}</c>, <c>{{else}}</c>, and comments (<c>{{! … }}</c>, <c>{{!-- … --}}</c>). Everything else Handlebars
/// has (helpers, partials, <c>{{{raw}}}</c>, <c>~</c> whitespace control, <c>\{{</c>) is refused with its position
/// rather than passed through as text, so a template never renders differently here than in Amazon SES.
/// </summary>
internal static class TemplateParser
{
    private static readonly char[] s_whitespace = [' ', '\t', '\r', '\n'];

    public static bool TryParse(string source, [NotNullWhen(true)] out ParsedTemplate? template, [NotNullWhen(false)] out TemplateIssue? issue)
    {
        ArgumentNullException.ThrowIfNull(source);
        var parser = new Parser(source);
        issue = parser.Run();
        template = issue is null ? new ParsedTemplate(source, parser.Root) : null;
        return issue is null;
    }

    /// <summary>Parses a path as it appears after the block name or alone in a mustache.</summary>
    internal static bool TryParsePath(string text, [NotNullWhen(true)] out TemplatePath? path, [NotNullWhen(false)] out string? problem)
    {
        path = null;
        var rest = text;
        var parentSteps = 0;
        while (rest.StartsWith("../", StringComparison.Ordinal))
        {
            parentSteps++;
            rest = rest[3..];
        }

        if (rest.StartsWith('@'))
        {
            var name = rest[1..];
            if (name is not ("index" or "first" or "last") || parentSteps > 0)
            {
                problem = $"'{text}' is not a supported data variable; inside {{{{#each}}}} use @index, @first or @last";
                return false;
            }

            path = new TemplatePath(0, [], name, text);
            problem = null;
            return true;
        }

        string[] segments;
        if (rest == "this")
        {
            segments = [];
        }
        else
        {
            segments = (rest.StartsWith("this.", StringComparison.Ordinal) ? rest[5..] : rest).Split('.');
            if (segments.Any(s => !IsIdentifier(s)))
            {
                problem = $"'{text}' is not a supported path: write property names separated by '.', e.g. payee.id or ../currency";
                return false;
            }
        }

        path = new TemplatePath(parentSteps, segments, null, text);
        problem = null;
        return true;
    }

    private static bool IsIdentifier(string segment) =>
        segment.Length > 0 && (char.IsAsciiLetter(segment[0]) || segment[0] == '_') && segment.All(c => char.IsAsciiLetterOrDigit(c) || c == '_');

    private sealed class Parser(string source)
    {
        private readonly Stack<Frame> _open = new();
        private readonly List<int> _lineStarts = LineStarts(source);

        public List<TemplateNode> Root { get; } = [];

        public TemplateIssue? Run()
        {
            var index = 0;
            while (index < source.Length)
            {
                var open = source.IndexOf("{{", index, StringComparison.Ordinal);
                if (open < 0)
                {
                    AddText(index, source.Length);
                    break;
                }

                if (open > 0 && source[open - 1] == '\\')
                {
                    return At(open - 1, "'\\{{' (an escaped mustache) is not supported; templates cannot print '{{' literally");
                }

                AddText(index, open);
                if (Mustache(open, out var next) is { } issue)
                {
                    return issue;
                }

                index = next;
            }

            if (_open.Count > 0)
            {
                var frame = _open.Peek();
                return At(frame.Start, $"{{{{#{BlockNode.NameOf(frame.Kind)} {frame.Path.Text}}}}} is never closed with {{{{/{BlockNode.NameOf(frame.Kind)}}}}}");
            }

            return null;
        }

        private TemplateIssue? Mustache(int open, out int next)
        {
            next = open;
            if (Follows(open, "{{{"))
            {
                return At(open, "'{{{…}}}' (unescaped output) is not supported: every value is written escaped");
            }

            if (Follows(open, "{{!"))
            {
                var terminator = Follows(open, "{{!--") ? "--}}" : "}}";
                var end = source.IndexOf(terminator, open + 3, StringComparison.Ordinal);
                if (end < 0)
                {
                    return At(open, $"comment is never closed with '{terminator}'");
                }

                next = end + terminator.Length;
                return null;
            }

            var close = source.IndexOf("}}", open + 2, StringComparison.Ordinal);
            var nested = source.IndexOf("{{", open + 2, StringComparison.Ordinal);
            if (close < 0 || (nested >= 0 && nested < close))
            {
                return At(open, "'{{' is never closed with '}}'");
            }

            next = close + 2;
            var inner = source[(open + 2)..close];
            if (inner.StartsWith('~') || inner.EndsWith('~'))
            {
                return At(open, "'~' whitespace control is not supported");
            }

            var content = inner.Trim(s_whitespace);
            if (content.Length == 0)
            {
                return At(open, "'{{}}' is empty");
            }

            return content[0] switch
            {
                '#' => OpenBlock(open, content[1..]),
                '/' => CloseBlock(open, content[1..].Trim(s_whitespace)),
                '>' => At(open, $"'{{{{{content}}}}}': partials are not supported"),
                '&' => At(open, $"'{{{{{content}}}}}': unescaped output is not supported"),
                '^' => At(open, $"'{{{{{content}}}}}': inverted sections are not supported; use {{{{#unless}}}} or {{{{else}}}}"),
                '*' => At(open, $"'{{{{{content}}}}}': decorators are not supported"),
                _ when content == "else" => Else(open),
                _ when content.StartsWith("else ", StringComparison.Ordinal) =>
                    At(open, $"'{{{{{content}}}}}': chained else is not supported; nest an {{{{#if}}}} inside {{{{else}}}}"),
                _ => Value(open, content),
            };
        }

        private TemplateIssue? Value(int open, string content)
        {
            if (content.IndexOfAny(s_whitespace) >= 0)
            {
                return At(open, $"'{{{{{content}}}}}': helpers are not supported; a mustache holds one property path such as {{{{amount}}}}");
            }

            if (!TryParsePath(content, out var path, out var problem))
            {
                return At(open, problem);
            }

            var (line, column) = Position(open);
            Add(new ValueNode(path, line, column));
            return null;
        }

        private TemplateIssue? OpenBlock(int open, string content)
        {
            var parts = content.Split(s_whitespace, StringSplitOptions.RemoveEmptyEntries);
            BlockKind? kind = parts.Length == 0 ? null : parts[0] switch
            {
                "each" => BlockKind.Each,
                "if" => BlockKind.If,
                "unless" => BlockKind.Unless,
                _ => null,
            };
            if (kind is not { } blockKind)
            {
                return At(open, $"'{{{{#{content}}}}}': only the #each, #if and #unless blocks are supported");
            }

            if (parts.Length != 2)
            {
                return At(open, $"'{{{{#{content}}}}}' needs exactly one property path, e.g. {{{{#{parts[0]} invoices}}}}");
            }

            if (!TryParsePath(parts[1], out var path, out var problem))
            {
                return At(open, problem);
            }

            _open.Push(new Frame(blockKind, path, open));
            return null;
        }

        private TemplateIssue? CloseBlock(int open, string name)
        {
            if (_open.Count == 0)
            {
                return At(open, $"'{{{{/{name}}}}}' closes a block that was never opened");
            }

            var frame = _open.Peek();
            if (name != BlockNode.NameOf(frame.Kind))
            {
                var (line, column) = Position(frame.Start);
                return At(open, $"'{{{{/{name}}}}}' does not match {{{{#{BlockNode.NameOf(frame.Kind)} {frame.Path.Text}}}}} opened at line {line}, column {column}");
            }

            _open.Pop();
            var (startLine, startColumn) = Position(frame.Start);
            Add(new BlockNode(frame.Kind, frame.Path, frame.Body, frame.Else ?? [], startLine, startColumn));
            return null;
        }

        private TemplateIssue? Else(int open)
        {
            if (_open.Count == 0)
            {
                return At(open, "'{{else}}' is outside any block");
            }

            var frame = _open.Peek();
            if (frame.Else is not null)
            {
                return At(open, $"{{{{#{BlockNode.NameOf(frame.Kind)} {frame.Path.Text}}}}} has a second {{{{else}}}}");
            }

            frame.Else = [];
            return null;
        }

        private void AddText(int from, int to)
        {
            if (to > from)
            {
                var (line, column) = Position(from);
                Add(new TextNode(source[from..to], line, column));
            }
        }

        private void Add(TemplateNode node) => (_open.Count == 0 ? Root : _open.Peek().Current).Add(node);

        private bool Follows(int index, string text) => source.AsSpan(index).StartsWith(text, StringComparison.Ordinal);

        private TemplateIssue At(int index, string message)
        {
            var (line, column) = Position(index);
            return new TemplateIssue(line, column, message);
        }

        private (int Line, int Column) Position(int index)
        {
            var line = _lineStarts.BinarySearch(index);
            line = line >= 0 ? line : ~line - 1;
            return (line + 1, index - _lineStarts[line] + 1);
        }

        private static List<int> LineStarts(string text)
        {
            var starts = new List<int> { 0 };
            for (var index = 0; index < text.Length; index++)
            {
                if (text[index] == '\n')
                {
                    starts.Add(index + 1);
                }
            }

            return starts;
        }
    }

    private sealed class Frame(BlockKind kind, TemplatePath path, int start)
    {
        public BlockKind Kind { get; } = kind;

        public TemplatePath Path { get; } = path;

        public int Start { get; } = start;

        public List<TemplateNode> Body { get; } = [];

        public List<TemplateNode>? Else { get; set; }

        public List<TemplateNode> Current => Else ?? Body;
    }
}
