namespace Remittance.Domain.Validation;

/// <summary><c>schemaVersion</c>, optional: absent or null means the first version; no other version exists yet.</summary>
internal static class SchemaVersionField
{
    public static string? Read(JsonFields fields, List<ValidationError> errors)
    {
        const string Name = PartnerMessageFields.SchemaVersion;
        var field = fields.PathOf(Name);
        if (!fields.TryOptional(Name, out var element))
        {
            return PartnerMessageParser.SupportedSchemaVersion;
        }

        if (!StringValue.TryGet(element, field, errors, out var version))
        {
            return null;
        }

        if (version != PartnerMessageParser.SupportedSchemaVersion)
        {
            errors.Add(new ValidationError(field, ErrorCodes.UnsupportedSchemaVersion,
                $"{field} {Quote.Text(version)} is not supported; the only supported version is '{PartnerMessageParser.SupportedSchemaVersion}'"));
            return null;
        }

        return version;
    }
}
