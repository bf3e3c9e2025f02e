using System.Text.Json;
using System.Text.RegularExpressions;
using Remittance.Notifications.Templates;

namespace Remittance.Notifications.Catalog;

/// <summary>
/// Reads <c>templates.json</c> and the body files it names under <c>templates/</c>. Each body is parsed and its
/// placeholders checked against the model; a body file that no template names is a problem too (usually a typo in
/// <c>body</c>).
/// </summary>
internal static partial class TemplatesFile
{
    private const string File = CatalogFiles.Templates;
    private static readonly string[] s_topLevel = ["formatVersion", "templates"];
    private static readonly string[] s_templateProperties = ["id", "channel", "subject", "body"];

    public static TemplatesLoad Load(string directory, List<CatalogProblem> problems)
    {
        var templates = new Dictionary<string, NotificationTemplate>(StringComparer.Ordinal);
        var declared = new Dictionary<string, int>(StringComparer.Ordinal);
        if (!ConfigFile.TryRead(directory, File, problems, out var root))
        {
            return new TemplatesLoad(templates, declared, false);
        }

        var top = new ConfigObject(root, File, string.Empty, s_topLevel, problems);
        top.CheckFormatVersion();
        if (!top.TryArray("templates", out var array))
        {
            return new TemplatesLoad(templates, declared, false);
        }

        var referencedFiles = new HashSet<string>(StringComparer.Ordinal);
        var firstIndexIgnoringCase = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        var index = 0;
        foreach (var item in array.EnumerateArray())
        {
            var path = $"templates[{index}]";
            if (item.ValueKind != JsonValueKind.Object)
            {
                problems.Add(new CatalogProblem(File, path, $"must be an object; got {ConfigObject.Describe(item)}"));
            }
            else if (Template(directory, new ConfigObject(item, File, path, s_templateProperties, problems), index, firstIndexIgnoringCase, declared, referencedFiles, problems) is { } template)
            {
                templates.Add(template.Id, template);
            }

            index++;
        }

        if (index == 0)
        {
            top.Problem("templates", "is empty");
        }

        ReportUnreferencedFiles(directory, referencedFiles, problems);
        return new TemplatesLoad(templates, declared, true);
    }

    private static NotificationTemplate? Template(
        string directory,
        ConfigObject entry,
        int index,
        Dictionary<string, int> firstIndexIgnoringCase,
        Dictionary<string, int> declared,
        HashSet<string> referencedFiles,
        List<CatalogProblem> problems)
    {
        var before = problems.Count;
        var id = Id(entry, index, firstIndexIgnoringCase, declared);

        NotificationChannel? channel = null;
        if (entry.TryString("channel", required: true, out var channelText))
        {
            if (NotificationChannels.TryParse(channelText, out var parsed))
            {
                channel = parsed;
            }
            else
            {
                entry.Problem("channel", $"'{channelText}' is not one of {string.Join(", ", NotificationChannels.WireNames)}");
            }
        }

        var subject = Subject(entry, channel, problems);
        var body = Body(directory, entry, referencedFiles, problems);
        return problems.Count == before && id is not null && channel is { } validChannel && body is not null
            ? new NotificationTemplate(id, validChannel, subject, body.Value.Parsed, body.Value.RelativePath)
            : null;
    }

    private static string? Id(ConfigObject entry, int index, Dictionary<string, int> firstIndexIgnoringCase, Dictionary<string, int> declared)
    {
        if (!entry.TryString("id", required: true, out var id))
        {
            return null;
        }

        if (!IdPattern().IsMatch(id))
        {
            entry.Problem("id", $"'{id}' is not a template ID: 1–64 characters of letters, digits, '.', '_' and '-', starting with a letter or digit (IDs name outbox files)");

            // Declared all the same, so that the rules naming it are not reported as well.
            declared.TryAdd(id, index);
            return null;
        }

        if (!firstIndexIgnoringCase.TryAdd(id, index))
        {
            var first = firstIndexIgnoringCase[id];
            entry.Problem("id", $"'{id}' duplicates the ID of templates[{first}]; IDs must be unique, ignoring case");
            return null;
        }

        declared.Add(id, index);
        return id;
    }

    private static ParsedTemplate? Subject(ConfigObject entry, NotificationChannel? channel, List<CatalogProblem> problems)
    {
        if (channel == NotificationChannel.Sms)
        {
            if (entry.Has("subject"))
            {
                entry.Problem("subject", "an SMS template has no subject; remove it");
            }

            return null;
        }

        if (!entry.TryString("subject", required: channel == NotificationChannel.Email, out var subject))
        {
            return null;
        }

        if (string.IsNullOrWhiteSpace(subject) || subject.Contains('\n', StringComparison.Ordinal) || subject.Contains('\r', StringComparison.Ordinal))
        {
            entry.Problem("subject", "must be one non-blank line (it becomes the Subject header)");
            return null;
        }

        return ParseAndCheck(subject, File, entry.PathOf("subject") + ", ", problems);
    }

    private static (ParsedTemplate Parsed, string RelativePath)? Body(string directory, ConfigObject entry, HashSet<string> referencedFiles, List<CatalogProblem> problems)
    {
        if (!entry.TryString("body", required: true, out var fileName))
        {
            return null;
        }

        if (!BodyFilePattern().IsMatch(fileName))
        {
            entry.Problem("body", $"'{fileName}' must be the name of a {CatalogFiles.TemplateExtension} file directly in {CatalogFiles.TemplateDirectory}/, e.g. 'business-advice.en.html.hbs'");
            return null;
        }

        referencedFiles.Add(fileName);
        var relativePath = CatalogFiles.TemplateDirectory + "/" + fileName;
        var fullPath = Path.Combine(directory, CatalogFiles.TemplateDirectory, fileName);
        if (!System.IO.File.Exists(fullPath))
        {
            entry.Problem("body", $"'{relativePath}' does not exist");
            return null;
        }

        var text = System.IO.File.ReadAllText(fullPath);

        // Editors end files with a line break; it is not part of the message (an SMS would carry it).
        text = text.EndsWith("\r\n", StringComparison.Ordinal) ? text[..^2] : text.EndsWith('\n') ? text[..^1] : text;
        if (string.IsNullOrWhiteSpace(text))
        {
            problems.Add(new CatalogProblem(relativePath, string.Empty, "is empty"));
            return null;
        }

        return ParseAndCheck(text, relativePath, string.Empty, problems) is { } parsed ? (parsed, relativePath) : null;
    }

    private static ParsedTemplate? ParseAndCheck(string text, string file, string locationPrefix, List<CatalogProblem> problems)
    {
        if (!TemplateParser.TryParse(text, out var parsed, out var syntaxError))
        {
            problems.Add(new CatalogProblem(file, $"{locationPrefix}line {syntaxError.Line}, column {syntaxError.Column}", "template syntax error: " + syntaxError.Message));
            return null;
        }

        var issues = PlaceholderChecker.Check(parsed, TemplateModel.Shape);
        foreach (var issue in issues)
        {
            problems.Add(new CatalogProblem(file, $"{locationPrefix}line {issue.Line}, column {issue.Column}", issue.Message));
        }

        return issues.Count == 0 ? parsed : null;
    }

    private static void ReportUnreferencedFiles(string directory, HashSet<string> referencedFiles, List<CatalogProblem> problems)
    {
        var templateDirectory = Path.Combine(directory, CatalogFiles.TemplateDirectory);
        if (!Directory.Exists(templateDirectory))
        {
            return;
        }

        var unreferenced = Directory.EnumerateFiles(templateDirectory, "*" + CatalogFiles.TemplateExtension)
            .Select(Path.GetFileName)
            .OfType<string>()
            .Where(name => !referencedFiles.Contains(name))
            .Order(StringComparer.Ordinal);
        foreach (var name in unreferenced)
        {
            problems.Add(new CatalogProblem(CatalogFiles.TemplateDirectory + "/" + name, string.Empty,
                $"is not the body of any template in {File} (a misspelt 'body'?)"));
        }
    }

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$", RegexOptions.CultureInvariant)]
    private static partial Regex IdPattern();

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9._-]*\\.hbs$", RegexOptions.CultureInvariant)]
    private static partial Regex BodyFilePattern();
}
