using System.Text.Json;
using static System.FormattableString;

namespace Remittance.Domain.Validation;

/// <summary><c>invoiceIds</c>: 1–100 distinct invoice IDs, each free text of 1–128 characters.</summary>
internal static class InvoiceIdsField
{
    public const int MaxCount = 100;
    public const int MaxLength = 128;

    public static IReadOnlyList<string>? Read(JsonFields fields, List<ValidationError> errors)
    {
        const string Name = PartnerMessageFields.InvoiceIds;
        var field = fields.PathOf(Name);
        if (!fields.TryRequired(Name, errors, out var element))
        {
            return null;
        }

        if (element.ValueKind != JsonValueKind.Array)
        {
            errors.Add(new ValidationError(field, ErrorCodes.WrongType, $"{field} must be an array of strings; got {Quote.Describe(element)}"));
            return null;
        }

        var count = element.GetArrayLength();
        if (count is 0 or > MaxCount)
        {
            // Items of an oversized list are not checked one by one: that could mean thousands of errors.
            errors.Add(new ValidationError(field, ErrorCodes.OutOfRange,
                Invariant($"{field} must hold 1–{MaxCount} invoice IDs; it holds {count}")));
            return null;
        }

        var before = errors.Count;
        var ids = new List<string>(count);
        var firstIndexOf = new Dictionary<string, int>(StringComparer.Ordinal);
        var index = 0;
        foreach (var item in element.EnumerateArray())
        {
            var path = JsonPath.Index(field, index);
            if (StringValue.TryGet(item, path, errors, out var id))
            {
                if (TextRules.Check(id, path, MaxLength) is { } error)
                {
                    errors.Add(error);
                }
                else if (firstIndexOf.TryGetValue(id, out var first))
                {
                    errors.Add(new ValidationError(path, ErrorCodes.DuplicateValue,
                        Invariant($"{path} {Quote.Text(id)} repeats {JsonPath.Index(field, first)}; invoice IDs must be distinct")));
                }
                else
                {
                    firstIndexOf.Add(id, index);
                    ids.Add(id);
                }
            }

            index++;
        }

        return errors.Count == before ? ids : null;
    }
}
