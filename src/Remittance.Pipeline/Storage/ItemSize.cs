using System.Text;
using Amazon.DynamoDBv2.Model;

namespace Remittance.Pipeline.Storage;

/// <summary>
/// DynamoDB's documented item-size accounting (names and values in UTF-8 bytes, numbers by significant digits,
/// 3 bytes per map or list plus 1 per element). Lets ingest reject an oversized message with a precise reason
/// instead of a round trip that fails.
/// </summary>
public static class ItemSize
{
    public static int Of(IReadOnlyDictionary<string, AttributeValue> item)
    {
        var total = 0;
        foreach (var (name, value) in item)
        {
            total += Encoding.UTF8.GetByteCount(name) + Of(value);
        }

        return total;
    }

    public static int Of(AttributeValue value)
    {
        if (value.S is not null)
        {
            return Encoding.UTF8.GetByteCount(value.S);
        }

        if (value.N is not null)
        {
            return NumberSize(value.N);
        }

        if (value.BOOL is not null || value.NULL is true)
        {
            return 1;
        }

        if (value.M is not null)
        {
            return 3 + value.M.Sum(pair => 1 + Encoding.UTF8.GetByteCount(pair.Key) + Of(pair.Value));
        }

        if (value.L is not null)
        {
            return 3 + value.L.Sum(element => 1 + Of(element));
        }

        if (value.SS is not null)
        {
            return value.SS.Sum(Encoding.UTF8.GetByteCount);
        }

        if (value.NS is not null)
        {
            return value.NS.Sum(NumberSize);
        }

        if (value.B is not null)
        {
            return (int)value.B.Length;
        }

        return value.BS?.Sum(b => (int)b.Length) ?? 0;
    }

    // Numbers are stored as up to 38 significant digits, two per byte, plus one byte.
    private static int NumberSize(string number)
    {
        var significant = number.TrimStart('-', '+').Split('e', 'E')[0].Replace(".", string.Empty, StringComparison.Ordinal)
            .Trim('0').Length;
        return (Math.Max(significant, 1) + 1) / 2 + 1;
    }
}
