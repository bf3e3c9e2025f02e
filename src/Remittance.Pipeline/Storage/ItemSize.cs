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

        // Loops rather than LINQ: every ingested message is measured, nested maps and lists included.
        var total = 0;
        if (value.M is not null)
        {
            foreach (var (name, element) in value.M)
            {
                total += 1 + Encoding.UTF8.GetByteCount(name) + Of(element);
            }

            return 3 + total;
        }

        if (value.L is not null)
        {
            foreach (var element in value.L)
            {
                total += 1 + Of(element);
            }

            return 3 + total;
        }

        if (value.SS is not null)
        {
            foreach (var text in value.SS)
            {
                total += Encoding.UTF8.GetByteCount(text);
            }

            return total;
        }

        if (value.NS is not null)
        {
            foreach (var number in value.NS)
            {
                total += NumberSize(number);
            }

            return total;
        }

        if (value.B is not null)
        {
            return (int)value.B.Length;
        }

        if (value.BS is not null)
        {
            foreach (var binary in value.BS)
            {
                total += (int)binary.Length;
            }
        }

        return total;
    }

    // Numbers are stored as up to 38 significant digits, two per byte, plus one byte. Significant: the digits of the
    // mantissa (sign and exponent dropped) between its first and last that are not zero, the decimal point not counted.
    private static int NumberSize(string number)
    {
        var mantissa = number.AsSpan().TrimStart("-+");
        var exponent = mantissa.IndexOfAny('e', 'E');
        if (exponent >= 0)
        {
            mantissa = mantissa[..exponent];
        }

        var first = mantissa.IndexOfAnyExcept('0', '.');
        var significant = 0;
        if (first >= 0)
        {
            var digits = mantissa[first..(mantissa.LastIndexOfAnyExcept('0', '.') + 1)];
            significant = digits.Length - digits.Count('.');
        }

        return (Math.Max(significant, 1) + 1) / 2 + 1;
    }
}
