using System.Globalization;
using System.Text;
using System.Text.Json;
using Amazon.DynamoDBv2.Model;

namespace Remittance.Cost.Metering;

/// <summary>
/// DynamoDB's wire format (<c>{"S": "…"}</c>, <c>{"M": {…}}</c>, …) read into the SDK's <see cref="AttributeValue"/>, so the
/// meter sizes items exactly as <c>ItemSize</c> does for the code; plus value equality and copies.
/// </summary>
public static class AttributeValues
{
    public static Dictionary<string, AttributeValue> ReadItem(JsonElement map)
    {
        var item = new Dictionary<string, AttributeValue>(StringComparer.Ordinal);
        foreach (var property in map.EnumerateObject())
        {
            item[property.Name] = Read(property.Value);
        }

        return item;
    }

    public static AttributeValue Read(JsonElement value)
    {
        var property = value.EnumerateObject().FirstOrDefault();
        var data = property.Value;
        return property.Name switch
        {
            "S" => new AttributeValue { S = data.GetString() },
            "N" => new AttributeValue { N = data.GetString() },
            "B" => new AttributeValue { B = new MemoryStream(data.GetBytesFromBase64()) },
            "BOOL" => new AttributeValue { BOOL = data.GetBoolean() },
            "NULL" => new AttributeValue { NULL = data.GetBoolean() },
            "M" => new AttributeValue { M = ReadItem(data) },
            "L" => new AttributeValue { L = [.. data.EnumerateArray().Select(Read)] },
            "SS" => new AttributeValue { SS = [.. data.EnumerateArray().Select(e => e.GetString()!)] },
            "NS" => new AttributeValue { NS = [.. data.EnumerateArray().Select(e => e.GetString()!)] },
            "BS" => new AttributeValue { BS = [.. data.EnumerateArray().Select(e => new MemoryStream(e.GetBytesFromBase64()))] },
            _ => throw new FormatException($"Unknown DynamoDB attribute type '{property.Name}'."),
        };
    }

    /// <summary>A stable text form of an item's key, for telling items apart.</summary>
    public static string KeyText(IReadOnlyList<string> keyAttributes, IReadOnlyDictionary<string, AttributeValue> item)
    {
        var text = new StringBuilder();
        foreach (var name in keyAttributes)
        {
            if (!item.TryGetValue(name, out var value))
            {
                throw new FormatException($"The item has no key attribute '{name}'.");
            }

            text.Append(name).Append('=').Append(value.S ?? value.N ?? (value.B is { } bytes ? Convert.ToBase64String(bytes.ToArray()) : "?")).Append('\u001f');
        }

        return text.ToString();
    }

    public static Dictionary<string, AttributeValue> Copy(IReadOnlyDictionary<string, AttributeValue> item) =>
        item.ToDictionary(pair => pair.Key, pair => pair.Value, StringComparer.Ordinal);

    public static bool AreEqual(AttributeValue x, AttributeValue y)
    {
        if (x.S is not null || y.S is not null)
        {
            return x.S == y.S;
        }

        if (x.N is not null || y.N is not null)
        {
            return x.N is not null && y.N is not null && NumbersEqual(x.N, y.N);
        }

        if (x.BOOL is not null || y.BOOL is not null)
        {
            return x.BOOL == y.BOOL;
        }

        if (x.NULL is true || y.NULL is true)
        {
            return x.NULL == y.NULL;
        }

        if (x.B is not null || y.B is not null)
        {
            return x.B is not null && y.B is not null && x.B.ToArray().AsSpan().SequenceEqual(y.B.ToArray());
        }

        if (x.M is not null || y.M is not null)
        {
            return x.M is not null && y.M is not null && x.M.Count == y.M.Count
                   && x.M.All(pair => y.M.TryGetValue(pair.Key, out var other) && AreEqual(pair.Value, other));
        }

        if (x.L is not null || y.L is not null)
        {
            return x.L is not null && y.L is not null && x.L.Count == y.L.Count && x.L.Zip(y.L).All(pair => AreEqual(pair.First, pair.Second));
        }

        if (x.SS is not null || y.SS is not null)
        {
            return x.SS is not null && y.SS is not null && x.SS.ToHashSet(StringComparer.Ordinal).SetEquals(y.SS);
        }

        if (x.NS is not null || y.NS is not null)
        {
            return x.NS is not null && y.NS is not null && x.NS.Count == y.NS.Count && x.NS.All(n => y.NS.Any(m => NumbersEqual(n, m)));
        }

        return x.BS is null == y.BS is null
               && (x.BS is null || (x.BS.Count == y.BS!.Count && x.BS.Zip(y.BS).All(p => p.First.ToArray().AsSpan().SequenceEqual(p.Second.ToArray()))));
    }

    private static bool NumbersEqual(string x, string y) =>
        decimal.TryParse(x, NumberStyles.Float, CultureInfo.InvariantCulture, out var a)
        && decimal.TryParse(y, NumberStyles.Float, CultureInfo.InvariantCulture, out var b)
            ? a == b
            : x == y;
}
