namespace Remittance.Notifications.Tests.Support;

/// <summary>
/// A small valid catalog in a temporary directory (four templates, the four <c>default</c> rules), which a test
/// changes in one place to break it. Rules and templates are kept as raw JSON text so that broken JSON can be written too.
/// </summary>
internal sealed class TestCatalog : IDisposable
{
    private readonly TemporaryDirectory _directory = new();
    private readonly List<string> _rules =
    [
        Rule("BUSINESS", "REMITTANCE_ADVICE", "default", "b-advice"),
        Rule("BUSINESS", "RETURNED_PAYMENT", "default", "b-returned"),
        Rule("INDIVIDUAL", "REMITTANCE_ADVICE", "default", "i-advice"),
        Rule("INDIVIDUAL", "RETURNED_PAYMENT", "default", "i-returned"),
    ];

    private readonly List<string> _templates =
    [
        Email("b-advice", "Paid {{amount}}", "b-advice.html.hbs"),
        Email("b-returned", "Returned {{amount}}", "b-returned.html.hbs"),
        Sms("i-advice", "i-advice.txt.hbs"),
        Email("i-returned", "Returned {{amount}}", "i-returned.html.hbs"),
    ];

    private string _templatesFormatVersion = "1";
    private string? _rulesOverride;
    private string? _templatesOverride;

    public TestCatalog()
    {
        Directory.CreateDirectory(_directory.Combine("templates"));
        Body("b-advice.html.hbs", "<p>{{amount}} for {{#each invoices}}{{invoiceId}} {{/each}}</p>");
        Body("b-returned.html.hbs", "<p>{{amount}} returned</p>");
        Body("i-advice.txt.hbs", "Paid {{amount}}");
        Body("i-returned.html.hbs", "<p>{{amount}} returned</p>");
    }

    public string Path => _directory.Path;

    public static string Rule(string payeeType, string purpose, string locale, string template) =>
        $$"""{"payeeType": "{{payeeType}}", "purpose": "{{purpose}}", "locale": "{{locale}}", "template": "{{template}}"}""";

    public static string Email(string id, string subject, string body) =>
        $$"""{"id": "{{id}}", "channel": "EMAIL", "subject": "{{subject}}", "body": "{{body}}"}""";

    public static string Sms(string id, string body) => $$"""{"id": "{{id}}", "channel": "SMS", "body": "{{body}}"}""";

    public TestCatalog AddRules(params string[] rules)
    {
        _rules.AddRange(rules);
        return this;
    }

    public TestCatalog ReplaceRule(int index, string rule)
    {
        _rules[index] = rule;
        return this;
    }

    public TestCatalog AddTemplates(params string[] templates)
    {
        _templates.AddRange(templates);
        return this;
    }

    public TestCatalog ReplaceTemplate(int index, string template)
    {
        _templates[index] = template;
        return this;
    }

    public TestCatalog RulesFile(string text)
    {
        _rulesOverride = text;
        return this;
    }

    public TestCatalog TemplatesFile(string text)
    {
        _templatesOverride = text;
        return this;
    }

    public TestCatalog TemplatesFormatVersion(string version)
    {
        _templatesFormatVersion = version;
        return this;
    }

    public TestCatalog DeleteBody(string fileName)
    {
        System.IO.File.Delete(_directory.Combine("templates", fileName));
        return this;
    }

    public TestCatalog Body(string fileName, string text)
    {
        System.IO.File.WriteAllText(_directory.Combine("templates", fileName), text + "\n");
        return this;
    }

    public NotificationCatalog Load()
    {
        System.IO.File.WriteAllText(_directory.Combine("rules.json"), _rulesOverride ?? File("rules", "1", _rules));
        System.IO.File.WriteAllText(_directory.Combine("templates.json"), _templatesOverride ?? File("templates", _templatesFormatVersion, _templates));
        return NotificationCatalog.Load(Path);
    }

    public void Dispose() => _directory.Dispose();

    private static string File(string key, string version, List<string> items) =>
        $"{{\n  \"formatVersion\": \"{version}\",\n  \"{key}\": [\n    {string.Join(",\n    ", items)}\n  ]\n}}\n";
}
