namespace Remittance.Notifications.Templates;

/// <summary>
/// Checks every path in a template against the model's shape, scope by scope, so a misspelt placeholder is a catalog
/// error at load time instead of an empty gap in a payee's message. Inside <c>{{#each list}}</c> paths are read from the
/// list item, <c>../</c> steps out one <c>#each</c>, and <c>@index</c>/<c>@first</c>/<c>@last</c> are available;
/// <c>#if</c> and <c>#unless</c> do not change the scope (as in Handlebars).
/// </summary>
internal static class PlaceholderChecker
{
    public static IReadOnlyList<TemplateIssue> Check(ParsedTemplate template, ModelShape model)
    {
        var issues = new List<TemplateIssue>();
        Walk(template.Nodes, [model], issues);
        return issues;
    }

    private static void Walk(IReadOnlyList<TemplateNode> nodes, List<ModelShape> scopes, List<TemplateIssue> issues)
    {
        foreach (var node in nodes)
        {
            switch (node)
            {
                case ValueNode value:
                    if (Resolve(value.Path, scopes, value, issues) is { } shape && shape.Kind != FieldKind.Scalar)
                    {
                        var hint = shape.Kind == FieldKind.List ? $"; iterate it with {{{{#each {value.Path.Text}}}}}…{{{{/each}}}}" : "; name one of its properties";
                        issues.Add(new TemplateIssue(value.Line, value.Column, $"'{{{{{value.Path.Text}}}}}' is {shape.Describe()}, which cannot be printed{hint}"));
                    }

                    break;
                case BlockNode block:
                    var resolved = Resolve(block.Path, scopes, block, issues);
                    if (block.Kind == BlockKind.Each)
                    {
                        if (resolved is { Kind: FieldKind.List, Shape: { } item })
                        {
                            Walk(block.Body, [.. scopes, item], issues);
                        }
                        else if (resolved is not null)
                        {
                            issues.Add(new TemplateIssue(block.Line, block.Column,
                                $"{{{{#each {block.Path.Text}}}}}: '{block.Path.Text}' is {resolved.Describe()}, not a list"));
                        }
                    }
                    else
                    {
                        Walk(block.Body, scopes, issues);
                    }

                    Walk(block.Else, scopes, issues);
                    break;
            }
        }
    }

    /// <summary>The shape the path refers to, or null after reporting why it refers to nothing.</summary>
    private static FieldShape? Resolve(TemplatePath path, List<ModelShape> scopes, TemplateNode node, List<TemplateIssue> issues)
    {
        if (path.DataVariable is not null)
        {
            if (scopes.Count > 1)
            {
                return FieldShape.Scalar;
            }

            issues.Add(new TemplateIssue(node.Line, node.Column, $"'{path.Text}' is only defined inside {{{{#each}}}}"));
            return null;
        }

        if (path.ParentSteps >= scopes.Count)
        {
            issues.Add(new TemplateIssue(node.Line, node.Column,
                $"'{path.Text}' steps out of {path.ParentSteps} #each block(s), but only {scopes.Count - 1} enclose it"));
            return null;
        }

        var scope = scopes[scopes.Count - 1 - path.ParentSteps];
        var current = FieldShape.ObjectOf(scope);
        var walked = new List<string>();
        foreach (var segment in path.Segments)
        {
            if (current.Shape is not { } shape || current.Kind != FieldKind.Object)
            {
                issues.Add(new TemplateIssue(node.Line, node.Column,
                    $"'{path.Text}': '{string.Join('.', walked)}' is {current.Describe()} and has no property '{segment}'"));
                return null;
            }

            if (!shape.Fields.TryGetValue(segment, out var next))
            {
                var where = walked.Count == 0
                    ? scopes.Count - 1 - path.ParentSteps == 0 ? "the remittance" : "an item of the enclosing #each"
                    : $"'{string.Join('.', walked)}'";
                issues.Add(new TemplateIssue(node.Line, node.Column,
                    $"unknown placeholder '{path.Text}': {where} has no property '{segment}' (it has: {shape.Names()})"));
                return null;
            }

            walked.Add(segment);
            current = next;
        }

        return current;
    }
}
