using System.Globalization;
using System.Text;
using Amazon.DynamoDBv2.Model;
using Remittance.IntegrationTests.Sweeping;
using Remittance.Pipeline.Contracts;
using Remittance.Pipeline.Storage;

namespace Remittance.IntegrationTests.Ingest;

/// <summary>
/// Ingest builds items from the parsed text rather than from the document's nodes; the items must be the very ones the
/// nodes give (same attributes in the same order, same hash, same size), or a redelivery would look like a conflict.
/// </summary>
public sealed class RemittanceItemFactoryTests
{
    public static TheoryData<string> Bodies()
    {
        var directory = RepositoryRoot.Combine("samples", "partner-messages");
        var data = new TheoryData<string>();
        foreach (var file in Directory.EnumerateFiles(directory, "*.json").Order(StringComparer.Ordinal))
        {
            data.Add(File.ReadAllText(file));
        }

        foreach (var line in File.ReadLines(Path.Combine(directory, "batch.jsonl")).Where(l => l.Length > 0))
        {
            data.Add(line);
        }

        data.Add(File.ReadAllText(RepositoryRoot.Combine("samples", "notifications", "envelope-example.json")));
        return data;
    }

    [Theory]
    [MemberData(nameof(Bodies))]
    public void Create_WhenTheParsedElementIsKept_BuildsTheItemTheDocumentGives(string body)
    {
        var parsed = body.Contains("\"eventType\"", StringComparison.Ordinal)
            ? EnvelopeContract.Instance.Parse(body)
            : PartnerMessageContract.Instance.Parse(body);
        if (!parsed.IsValid)
        {
            return;
        }

        var factory = new RemittanceItemFactory(new ManualTimeProvider());

        var fromElement = factory.Create(parsed);
        var fromDocument = factory.Create(parsed with { Element = null });

        Assert.NotNull(parsed.Element);
        Assert.Equal(fromDocument.PayloadHash, fromElement.PayloadHash);
        Assert.Equal(fromDocument.ExecutionName, fromElement.ExecutionName);
        Assert.Equal(fromDocument.SizeBytes, fromElement.SizeBytes);
        Assert.Equal(Describe(fromDocument.Item), Describe(fromElement.Item));
    }

    [Theory]
    [InlineData("0")]
    [InlineData("-0")]
    [InlineData("0.000")]
    [InlineData("1")]
    [InlineData("100")]
    [InlineData("-12.500")]
    [InlineData("+0.0012")]
    [InlineData("1.50e3")]
    [InlineData("1E-7")]
    [InlineData("12345678901234567890.123456789")]
    [InlineData("0.0e10")]
    [InlineData("-")]
    public void Of_WhenGivenANumber_CountsItsSignificantDigitsAsDynamoDbDoes(string number)
    {
        // The rule as first written: sign and exponent dropped, the point removed, zeros trimmed at both ends.
        var significant = number.TrimStart('-', '+').Split('e', 'E')[0].Replace(".", string.Empty, StringComparison.Ordinal).Trim('0').Length;

        Assert.Equal((Math.Max(significant, 1) + 1) / 2 + 1, ItemSize.Of(new AttributeValue { N = number }));
    }

    private static string Describe(Dictionary<string, AttributeValue> item)
    {
        var text = new StringBuilder();
        Describe(new AttributeValue { M = item }, text);
        return text.ToString();
    }

    private static void Describe(AttributeValue value, StringBuilder text)
    {
        switch (value)
        {
            case { S: { } s }:
                text.Append("S:").Append(s).Append(';');
                break;
            case { N: { } n }:
                text.Append("N:").Append(n).Append(';');
                break;
            case { BOOL: { } flag }:
                text.Append("BOOL:").Append(flag.ToString(CultureInfo.InvariantCulture)).Append(';');
                break;
            case { NULL: true }:
                text.Append("NULL;");
                break;
            case { M: { } map }:
                text.Append("M{");
                foreach (var (name, element) in map)
                {
                    text.Append(name).Append('=');
                    Describe(element, text);
                }

                text.Append('}');
                break;
            case { L: { } list }:
                text.Append("L[");
                foreach (var element in list)
                {
                    Describe(element, text);
                }

                text.Append(']');
                break;
            default:
                throw new ArgumentException("An ingested item holds only S, N, BOOL, NULL, M and L values.", nameof(value));
        }
    }
}
