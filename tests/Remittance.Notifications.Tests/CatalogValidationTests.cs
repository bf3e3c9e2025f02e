using Remittance.Notifications.Tests.Support;
using static Remittance.Notifications.Tests.Support.TestCatalog;

namespace Remittance.Notifications.Tests;

public sealed class CatalogValidationTests
{
    // Case name → how to break the small valid catalog, and the one problem expected: file, location, message start.
    private static readonly Dictionary<string, (Action<TestCatalog> Break, string File, string Location, string Message)> s_cases = new(StringComparer.Ordinal)
    {
        ["malformed rules.json"] = (c => c.RulesFile("{ \"rules\": [ }"), "rules.json", "line 1, byte 14", "is not valid JSON: "),
        ["rules.json not an object"] = (c => c.RulesFile("[]"), "rules.json", "", "must hold a JSON object; got an array"),
        ["unsupported formatVersion"] = (c => c.TemplatesFormatVersion("2"), "templates.json", "formatVersion", "'2' is not supported; the only version is '1'"),
        ["unknown property in a rule"] = (c => c.ReplaceRule(0, Rule("BUSINESS", "REMITTANCE_ADVICE", "default", "b-advice").Replace("}", ", \"priority\": 1}", StringComparison.Ordinal)), "rules.json", "rules[0].priority", "unknown property (known: payeeType, purpose, locale, template)"),
        ["rule not an object"] = (c => c.AddRules("\"b-advice\""), "rules.json", "rules[4]", "must be an object; got a string"),
        ["rule without template"] = (c => c.AddRules("""{"payeeType": "BUSINESS", "purpose": "REMITTANCE_ADVICE", "locale": "de"}"""), "rules.json", "rules[4].template", "is missing"),
        ["unknown template ID"] = (c => c.AddRules(Rule("BUSINESS", "REMITTANCE_ADVICE", "de", "b-advice-de")), "rules.json", "rules[4].template", "unknown template ID 'b-advice-de': templates.json has no such template"),
        ["template ID in the wrong case"] = (c => c.AddRules(Rule("BUSINESS", "REMITTANCE_ADVICE", "de", "B-Advice")), "rules.json", "rules[4].template", "unknown template ID 'B-Advice'; IDs are case-sensitive: did you mean 'b-advice'?"),
        ["unknown payee type"] = (c => c.AddRules(Rule("BUSINES", "REMITTANCE_ADVICE", "de", "b-advice")), "rules.json", "rules[4].payeeType", "'BUSINES' can never match: payee types are BUSINESS, INDIVIDUAL, or * for any"),
        ["unknown purpose"] = (c => c.AddRules(Rule("BUSINESS", "ADVICE", "de", "b-advice")), "rules.json", "rules[4].purpose", "'ADVICE' can never match: purposes are REMITTANCE_ADVICE, RETURNED_PAYMENT, or * for any"),
        ["locale with an extension"] = (c => c.AddRules(Rule("BUSINESS", "REMITTANCE_ADVICE", "de-DE-u-co-phonebk", "b-advice")), "rules.json", "rules[4].locale", "'de-DE-u-co-phonebk' can never match: a payee's locale is looked up by language, script and region only (e.g. 'de-DE')"),
        ["locale not a tag"] = (c => c.AddRules(Rule("BUSINESS", "REMITTANCE_ADVICE", "pt_BR", "b-advice")), "rules.json", "rules[4].locale", "'pt_BR' is neither 'default' nor a language tag"),
        ["duplicate rule, locale case aside"] = (c => c.AddRules(Rule("BUSINESS", "REMITTANCE_ADVICE", "de", "b-advice"), Rule("BUSINESS", "REMITTANCE_ADVICE", "DE", "b-returned")), "rules.json", "rules[5]", "duplicate rule: rules[4] (BUSINESS, REMITTANCE_ADVICE, de) already covers"),
        ["wildcard always beaten"] = (c => c.AddRules(Rule("*", "REMITTANCE_ADVICE", "de", "b-advice"), Rule("BUSINESS", "REMITTANCE_ADVICE", "de", "b-advice"), Rule("INDIVIDUAL", "REMITTANCE_ADVICE", "de", "i-advice")), "rules.json", "rules[4]", "rules[4] (*, REMITTANCE_ADVICE, de) can never match: at locale de every payeeType and purpose it covers has a more specific rule (rules[5], rules[6])"),
        ["two wildcards tie"] = (c => c.AddRules(Rule("BUSINESS", "*", "de", "b-advice"), Rule("*", "REMITTANCE_ADVICE", "de", "b-advice")), "rules.json", "rules[5]", "ambiguous: rules[4] (BUSINESS, *, de) and rules[5] (*, REMITTANCE_ADVICE, de) match payeeType=BUSINESS purpose=REMITTANCE_ADVICE at locale de equally well; add a rule for exactly (BUSINESS, REMITTANCE_ADVICE, de)"),
        ["no default for a combination"] = (c => c.ReplaceRule(3, Rule("INDIVIDUAL", "RETURNED_PAYMENT", "fr", "i-returned")), "rules.json", "rules", "no 'default' rule covers payeeType=INDIVIDUAL purpose=RETURNED_PAYMENT"),
        ["missing channel"] = (c => c.ReplaceTemplate(1, """{"id": "b-returned", "subject": "Returned", "body": "b-returned.html.hbs"}"""), "templates.json", "templates[1].channel", "is missing"),
        ["unknown channel"] = (c => c.ReplaceTemplate(1, """{"id": "b-returned", "channel": "PUSH", "subject": "Returned", "body": "b-returned.html.hbs"}"""), "templates.json", "templates[1].channel", "'PUSH' is not one of EMAIL, SMS"),
        ["email without subject"] = (c => c.ReplaceTemplate(1, """{"id": "b-returned", "channel": "EMAIL", "body": "b-returned.html.hbs"}"""), "templates.json", "templates[1].subject", "is missing"),
        ["sms with subject"] = (c => c.ReplaceTemplate(2, """{"id": "i-advice", "channel": "SMS", "subject": "Paid", "body": "i-advice.txt.hbs"}"""), "templates.json", "templates[2].subject", "an SMS template has no subject; remove it"),
        ["subject on two lines"] = (c => c.ReplaceTemplate(1, Email("b-returned", "Returned\\n{{amount}}", "b-returned.html.hbs")), "templates.json", "templates[1].subject", "must be one non-blank line"),
        ["duplicate template ID, case aside"] = (c => c.AddTemplates(Email("B-Advice", "Paid", "b-advice.html.hbs")), "templates.json", "templates[4].id", "'B-Advice' duplicates the ID of templates[0]; IDs must be unique, ignoring case"),
        ["template ID not file-safe"] = (c => c.ReplaceTemplate(1, Email("b/returned", "Returned", "b-returned.html.hbs")).ReplaceRule(1, Rule("BUSINESS", "RETURNED_PAYMENT", "default", "b/returned")), "templates.json", "templates[1].id", "'b/returned' is not a template ID"),
        ["unused template"] = (c => c.AddTemplates(Email("b-advice-de", "Bezahlt", "b-advice.html.hbs")), "templates.json", "templates[4]", "template 'b-advice-de' is not used by any rule in rules.json"),
        ["body file missing"] = (c => c.ReplaceTemplate(1, Email("b-returned", "Returned", "b-returned.htm.hbs")).DeleteBody("b-returned.html.hbs"), "templates.json", "templates[1].body", "'templates/b-returned.htm.hbs' does not exist"),
        ["body outside templates/"] = (c => c.ReplaceTemplate(1, Email("b-returned", "Returned", "../rules.json")).DeleteBody("b-returned.html.hbs"), "templates.json", "templates[1].body", "'../rules.json' must be the name of a .hbs file directly in templates/"),
        ["body file never used"] = (c => c.Body("b-advice.de.html.hbs", "<p>{{amount}}</p>"), "templates/b-advice.de.html.hbs", "", "is not the body of any template in templates.json (a misspelt 'body'?)"),
        ["empty body"] = (c => c.Body("b-returned.html.hbs", string.Empty), "templates/b-returned.html.hbs", "", "is empty"),
        ["syntax error in a body"] = (c => c.Body("b-returned.html.hbs", "<p>\n{{#each invoices}}{{invoiceId}}</p>"), "templates/b-returned.html.hbs", "line 2, column 1", "template syntax error: {{#each invoices}} is never closed with {{/each}}"),
        ["syntax error in a subject"] = (c => c.ReplaceTemplate(1, Email("b-returned", "Returned {{amount", "b-returned.html.hbs")), "templates.json", "templates[1].subject, line 1, column 10", "template syntax error: '{{' is never closed with '}}'"),
        ["unknown placeholder in a body"] = (c => c.Body("b-returned.html.hbs", "<p>Dear {{payee.name}}</p>"), "templates/b-returned.html.hbs", "line 1, column 9", "unknown placeholder 'payee.name': 'payee' has no property 'name' (it has: country, id, locale, type)"),
        ["unknown placeholder in a subject"] = (c => c.ReplaceTemplate(1, Email("b-returned", "Returned {{ammount}}", "b-returned.html.hbs")), "templates.json", "templates[1].subject, line 1, column 10", "unknown placeholder 'ammount'"),
        ["printing a list"] = (c => c.Body("i-advice.txt.hbs", "Paid {{invoices}}"), "templates/i-advice.txt.hbs", "line 1, column 6", "'{{invoices}}' is a list, which cannot be printed"),
    };

    public static TheoryData<string> Cases => [.. s_cases.Keys];

    [Fact]
    public void Load_TheUnbrokenTestCatalog_Succeeds()
    {
        using var catalog = new TestCatalog();

        var loaded = catalog.Load();

        Assert.Equal(4, loaded.Templates.Count);
        Assert.Equal(4, loaded.Rules.Count);
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Load_WhenOneThingIsWrong_ReportsExactlyThatProblem(string name)
    {
        var (breakIt, file, location, message) = s_cases[name];
        using var catalog = new TestCatalog();
        breakIt(catalog);

        var failure = Assert.Throws<NotificationCatalogException>(() => catalog.Load());

        var problem = Assert.Single(failure.Problems);
        Assert.True(
            problem.File == file && problem.Location == location && problem.Message.StartsWith(message, StringComparison.Ordinal),
            $"expected {file}: {location}: {message}…, got {problem}");
    }

    [Fact]
    public void Load_WhenManyThingsAreWrong_ListsEveryProblemInTheMessage()
    {
        using var catalog = new TestCatalog();
        catalog
            .AddRules(Rule("BUSINESS", "REMITTANCE_ADVICE", "de", "nope"), Rule("COMPANY", "REMITTANCE_ADVICE", "de", "b-advice"))
            .Body("b-returned.html.hbs", "{{amont}}")
            .ReplaceTemplate(2, Sms("i-advice", "missing.txt.hbs"));

        var failure = Assert.Throws<NotificationCatalogException>(() => catalog.Load());

        string[] expected =
        [
            "templates/b-returned.html.hbs: line 1, column 1: unknown placeholder 'amont'",
            "templates.json: templates[2].body: 'templates/missing.txt.hbs' does not exist",
            "templates/i-advice.txt.hbs: is not the body of any template in templates.json",
            "rules.json: rules[4].template: unknown template ID 'nope'",
            "rules.json: rules[5].payeeType: 'COMPANY' can never match",
        ];
        Assert.Equal(expected.Length, failure.Problems.Count);
        Assert.All(expected.Zip(failure.Problems), pair => Assert.StartsWith(pair.First, pair.Second.ToString(), StringComparison.Ordinal));
        Assert.StartsWith($"The notification catalog in '{catalog.Path}' has 5 problems:", failure.Message, StringComparison.Ordinal);
        Assert.All(failure.Problems, p => Assert.Contains(p.ToString(), failure.Message, StringComparison.Ordinal));
    }

    [Fact]
    public void Load_WhenFilesAreMissing_SaysWhichOnes()
    {
        using var directory = new TemporaryDirectory();

        var failure = Assert.Throws<NotificationCatalogException>(() => NotificationCatalog.Load(directory.Path));

        Assert.Equal(["templates.json: is missing", "rules.json: is missing"], failure.Problems.Select(p => p.ToString()));
    }

    [Fact]
    public void Load_WhenTheDirectoryDoesNotExist_SaysSo()
    {
        using var directory = new TemporaryDirectory();
        var missing = directory.Combine("nowhere");

        var failure = Assert.Throws<NotificationCatalogException>(() => NotificationCatalog.Load(missing));

        Assert.Equal("the catalog directory does not exist", Assert.Single(failure.Problems).Message);
    }
}
