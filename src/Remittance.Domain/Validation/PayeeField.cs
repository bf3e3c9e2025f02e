using System.Text.Json;

namespace Remittance.Domain.Validation;

/// <summary><c>payee</c>: an object with <c>id</c>, <c>type</c>, <c>country</c> and an optional <c>locale</c>.</summary>
internal static class PayeeField
{
    public const int MaxIdLength = 128;

    public static Payee? Read(JsonFields fields, List<ValidationError> errors)
    {
        const string Name = PartnerMessageFields.Payee;
        var field = fields.PathOf(Name);
        if (!fields.TryRequired(Name, errors, out var element))
        {
            return null;
        }

        if (element.ValueKind != JsonValueKind.Object)
        {
            errors.Add(new ValidationError(field, ErrorCodes.WrongType,
                $"{field} must be an object with id, type and country; got {Quote.Describe(element)}"));
            return null;
        }

        var payee = new JsonFields(element, field, fields.NamesMayRepeat);
        var id = TextField.Read(payee, PartnerMessageFields.PayeeId, MaxIdLength, errors);
        var type = EnumField.Read<PayeeType>(payee, PartnerMessageFields.PayeeType, WireNames.TryParsePayeeType, WireNames.ToWire, errors);
        var country = CountryField.Read(payee, errors);
        var localeIsValid = LocaleField.TryRead(payee, errors, out var locale);

        return id is not null && type is { } payeeType && country is not null && localeIsValid
            ? new Payee(id, payeeType, country, locale)
            : null;
    }
}
