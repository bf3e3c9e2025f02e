using System.Text.Json;
using Remittance.Domain.Tests.Support;

namespace Remittance.Domain.Tests;

/// <summary>The published JSON Schema and the parser describe the same contract.</summary>
public sealed class PartnerMessageSchemaTests
{
    private static readonly JsonElement s_schema = Load();

    [Fact]
    public void Schema_WhenRead_IsDraft202012Json()
    {
        Assert.Equal("https://json-schema.org/draft/2020-12/schema", s_schema.GetProperty("$schema").GetString());
        Assert.Equal("object", s_schema.GetProperty("type").GetString());
    }

    [Fact]
    public void Schema_Always_RequiresTheSameFieldsAsTheParser()
    {
        Assert.Equal(PartnerMessageFields.Required, Strings(s_schema.GetProperty("required")));
        Assert.Equal(PartnerMessageFields.RequiredInPayee, Strings(Property("payee").GetProperty("required")));
    }

    [Fact]
    public void Schema_Always_DescribesEveryFieldTheParserReads()
    {
        var described = s_schema.GetProperty("properties").EnumerateObject().Select(p => p.Name).ToHashSet();

        Assert.Subset(described, new HashSet<string>([.. PartnerMessageFields.Required, PartnerMessageFields.SchemaVersion]));
        Assert.Contains(PartnerMessageFields.PayeeLocale, Property("payee").GetProperty("properties").EnumerateObject().Select(p => p.Name));
    }

    [Fact]
    public void Schema_Always_AllowsUnknownFields()
    {
        Assert.True(s_schema.GetProperty("additionalProperties").GetBoolean());
    }

    [Fact]
    public void Schema_Always_ListsTheSameEnumValuesAsTheParser()
    {
        Assert.Equal(WireNames.AllOf<PaymentOutcome>(WireNames.ToWire), Strings(Property("outcome").GetProperty("enum")));
        Assert.Equal(WireNames.AllOf<PaymentMethod>(WireNames.ToWire), Strings(Property("paymentMethod").GetProperty("enum")));
        Assert.Equal(WireNames.AllOf<PayeeType>(WireNames.ToWire),
            Strings(Property("payee").GetProperty("properties").GetProperty("type").GetProperty("enum")));
    }

    [Fact]
    public void Schema_Always_ListsTheSameCurrenciesAndCountriesAsTheTables()
    {
        Assert.Equal(Iso4217.All.Select(c => c.Code), Strings(Property("currency").GetProperty("enum")));
        Assert.Equal(Iso3166.All, Strings(Property("payee").GetProperty("properties").GetProperty("country").GetProperty("enum")));
    }

    [Fact]
    public void Schema_Always_GroupsEachCurrencyUnderItsMinorUnitsAmountPattern()
    {
        foreach (var rule in s_schema.GetProperty("allOf").EnumerateArray())
        {
            var codes = Strings(rule.GetProperty("if").GetProperty("properties").GetProperty("currency").GetProperty("enum"));
            var pattern = rule.GetProperty("then").GetProperty("properties").GetProperty("amount").GetProperty("pattern").GetString();
            var minorUnits = Iso4217.All.Single(c => c.Code == codes[0]).MinorUnits;

            Assert.Equal(Iso4217.All.Where(c => c.MinorUnits == minorUnits).Select(c => c.Code), codes);
            Assert.Equal(minorUnits == 0 ? "^[0-9]{1,18}$" : $"^[0-9]{{1,18}}(\\.[0-9]{{1,{minorUnits}}})?$", pattern);
        }
    }

    private static JsonElement Property(string name) => s_schema.GetProperty("properties").GetProperty(name);

    private static List<string> Strings(JsonElement array) => [.. array.EnumerateArray().Select(e => e.GetString()!)];

    private static JsonElement Load()
    {
        var path = RepositoryRoot.Combine("samples", "schema", "partner-message.schema.json");
        using var document = JsonDocument.Parse(File.ReadAllText(path));
        return document.RootElement.Clone();
    }
}
