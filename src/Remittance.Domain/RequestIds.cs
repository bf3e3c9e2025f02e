using Remittance.Domain.Validation;

namespace Remittance.Domain;

/// <summary>The rules for a partner's request ID, which is also the remittance's table key.</summary>
public static class RequestIds
{
    /// <summary>In Unicode code points, not UTF-16 units, so an emoji counts once.</summary>
    public const int MaxLength = 128;

    /// <summary>Keys of rejection records start with this; see <see cref="ReservedPrefixes"/>.</summary>
    public const string RejectedPrefix = "REJECTED#";

    /// <summary>Keys of conflict records start with this; see <see cref="ReservedPrefixes"/>.</summary>
    public const string ConflictPrefix = "CONFLICT#";

    /// <summary>
    /// Rejection and conflict records share the table with remittances, under these key prefixes. A request ID that
    /// started with one could collide with such a record, so none may.
    /// </summary>
    public static IReadOnlyList<string> ReservedPrefixes { get; } = [RejectedPrefix, ConflictPrefix];

    /// <summary>Null when <paramref name="value"/> is a usable request ID; otherwise the first rule it breaks.</summary>
    public static ValidationError? Validate(string? value)
    {
        const string Field = PartnerMessageFields.RequestId;
        if (value is null)
        {
            return new ValidationError(Field, ErrorCodes.MissingField, $"{Field} is required");
        }

        if (TextRules.Check(value, Field, MaxLength) is { } error)
        {
            return error;
        }

        foreach (var prefix in ReservedPrefixes)
        {
            if (value.StartsWith(prefix, StringComparison.Ordinal))
            {
                return new ValidationError(Field, ErrorCodes.ReservedPrefix,
                    $"{Field} {Quote.Text(value)} starts with '{prefix}', a key prefix reserved for rejection and " +
                    $"conflict records; request IDs must not start with {string.Join(" or ", ReservedPrefixes.Select(p => $"'{p}'"))}");
            }
        }

        return null;
    }
}
