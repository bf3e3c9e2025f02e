using System.Globalization;
using Amazon.DynamoDBv2.Model;

namespace Remittance.Cost.Metering;

/// <summary>
/// Applies an UpdateItem's update expression to the item as it was, to know the item as it is after the write (its size
/// prices the write; its index keys price the index writes) without asking DynamoDB for it. Covers what DynamoDB's
/// grammar allows on top-level attributes: SET with <c>+</c>/<c>-</c>, <c>if_not_exists</c> and <c>list_append</c>,
/// REMOVE, ADD and DELETE. Nested paths are refused, so an expression this cannot price fails loudly.
/// </summary>
public static class UpdateExpression
{
    public static Dictionary<string, AttributeValue> Apply(
        IReadOnlyDictionary<string, AttributeValue>? before,
        IReadOnlyDictionary<string, AttributeValue> key,
        string expression,
        IReadOnlyDictionary<string, string> names,
        IReadOnlyDictionary<string, AttributeValue> values)
    {
        var after = AttributeValues.Copy(before ?? key);
        var reader = new Reader(UpdateExpressionTokens.Split(expression), names, values);
        while (!reader.AtEnd)
        {
            var clause = reader.Word().ToUpperInvariant();
            do
            {
                switch (clause)
                {
                    case "SET":
                        var target = reader.Path();
                        reader.Expect("=");
                        var value = Operand(reader, before);
                        if (reader.TryTake("+"))
                        {
                            value = Arithmetic(value, Operand(reader, before), 1);
                        }
                        else if (reader.TryTake("-"))
                        {
                            value = Arithmetic(value, Operand(reader, before), -1);
                        }

                        after[target] = value;
                        break;
                    case "REMOVE":
                        after.Remove(reader.Path());
                        break;
                    case "ADD":
                        var added = reader.Path();
                        var addition = reader.Value();
                        after[added] = after.TryGetValue(added, out var existing) ? Add(existing, addition) : addition;
                        break;
                    case "DELETE":
                        var deleted = reader.Path();
                        var subtraction = reader.Value();
                        if (after.TryGetValue(deleted, out var set) && Subtract(set, subtraction) is { } rest)
                        {
                            after[deleted] = rest;
                        }
                        else
                        {
                            after.Remove(deleted);
                        }

                        break;
                    default:
                        throw new FormatException($"'{clause}' is not an update clause (SET, REMOVE, ADD, DELETE) in '{expression}'.");
                }
            }
            while (reader.TryTake(","));
        }

        return after;
    }

    // Operands read the item as it was before the update, as DynamoDB evaluates them.
    private static AttributeValue Operand(Reader reader, IReadOnlyDictionary<string, AttributeValue>? before)
    {
        if (reader.PeekValue())
        {
            return reader.Value();
        }

        var name = reader.Path();
        if (!reader.TryTake("("))
        {
            return before?.GetValueOrDefault(name)
                   ?? throw new FormatException($"The update reads attribute '{name}', which the item does not have.");
        }

        switch (name)
        {
            case "if_not_exists":
                var path = reader.Path();
                reader.Expect(",");
                var fallback = Operand(reader, before);
                reader.Expect(")");
                return before?.GetValueOrDefault(path) ?? fallback;
            case "list_append":
                var first = Operand(reader, before);
                reader.Expect(",");
                var second = Operand(reader, before);
                reader.Expect(")");
                return new AttributeValue { L = [.. first.L ?? [], .. second.L ?? []] };
            default:
                throw new FormatException($"Unknown update function '{name}'.");
        }
    }

    private static AttributeValue Arithmetic(AttributeValue left, AttributeValue right, int sign) =>
        new() { N = (Number(left) + (sign * Number(right))).ToString(CultureInfo.InvariantCulture) };

    private static AttributeValue Add(AttributeValue existing, AttributeValue addition) => addition switch
    {
        { N: not null } => Arithmetic(existing, addition, 1),
        { SS: not null } => new AttributeValue { SS = [.. (existing.SS ?? []).Union(addition.SS, StringComparer.Ordinal)] },
        { NS: not null } => new AttributeValue { NS = [.. (existing.NS ?? []).Union(addition.NS, StringComparer.Ordinal)] },
        { BS: not null } => new AttributeValue { BS = [.. existing.BS ?? [], .. addition.BS] },
        _ => throw new FormatException("ADD takes a number or a set."),
    };

    private static AttributeValue? Subtract(AttributeValue set, AttributeValue removal)
    {
        var result = removal switch
        {
            { SS: not null } => new AttributeValue { SS = [.. (set.SS ?? []).Except(removal.SS, StringComparer.Ordinal)] },
            { NS: not null } => new AttributeValue { NS = [.. (set.NS ?? []).Except(removal.NS, StringComparer.Ordinal)] },
            _ => throw new FormatException("DELETE takes a set."),
        };
        return (result.SS?.Count ?? result.NS?.Count ?? 0) == 0 ? null : result;
    }

    private static decimal Number(AttributeValue value) =>
        value.N is { } text ? decimal.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture)
            : throw new FormatException("Arithmetic in an update expression needs numbers.");

    private sealed class Reader(List<string> tokens, IReadOnlyDictionary<string, string> names, IReadOnlyDictionary<string, AttributeValue> values)
    {
        private int _next;

        public bool AtEnd => _next >= tokens.Count;

        public string Word() => !AtEnd ? tokens[_next++] : throw new FormatException("The update expression ended early.");

        public bool TryTake(string token)
        {
            if (!AtEnd && tokens[_next] == token)
            {
                _next++;
                return true;
            }

            return false;
        }

        public void Expect(string token)
        {
            if (!TryTake(token))
            {
                throw new FormatException($"Expected '{token}' in the update expression, found '{(AtEnd ? "the end" : tokens[_next])}'.");
            }
        }

        public bool PeekValue() => !AtEnd && tokens[_next].StartsWith(':');

        public AttributeValue Value()
        {
            var token = Word();
            return values.TryGetValue(token, out var value) ? value : throw new FormatException($"The update uses '{token}', which has no value.");
        }

        public string Path()
        {
            var token = Word();
            var name = token.StartsWith('#')
                ? names.TryGetValue(token, out var resolved) ? resolved : throw new FormatException($"The update uses '{token}', which has no name.")
                : token;
            if (!AtEnd && tokens[_next] is "." or "[")
            {
                throw new NotSupportedException($"Nested paths ('{name}{tokens[_next]}…') are not priced; only top-level attributes are.");
            }

            return name;
        }
    }
}
