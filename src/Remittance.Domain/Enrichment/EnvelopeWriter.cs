using System.Text.Json.Nodes;

namespace Remittance.Domain.Enrichment;

/// <summary>
/// Writes the enriched envelope. Property order is fixed and documented by the pinned sample
/// <c>samples/notifications/envelope-example.json</c>; absent optional values (<c>payee.locale</c>,
/// <c>purchaseOrder</c>) are left out rather than written as null.
/// </summary>
public static class EnvelopeWriter
{
    /// <summary>The envelope for <paramref name="data"/>, its event ID derived from the request ID.</summary>
    /// <param name="occurredAt">When enrichment finished; written in UTC.</param>
    /// <exception cref="ArgumentException">A value the parser would refuse, e.g. an unknown invoice currency.</exception>
    public static JsonObject Write(EnrichedRemittance data, DateTimeOffset occurredAt) =>
        Write(RemittanceEnvelope.For(data, occurredAt));

    public static JsonObject Write(RemittanceEnvelope envelope)
    {
        ArgumentNullException.ThrowIfNull(envelope);
        return new JsonObject
        {
            [EnvelopeFields.EventId] = envelope.EventId.ToString("D"),
            [EnvelopeFields.EventType] = envelope.EventType,
            [EnvelopeFields.EventVersion] = envelope.EventVersion,
            [EnvelopeFields.OccurredAt] = WireTime.FormatUtc(envelope.OccurredAt),
            [EnvelopeFields.Data] = Data(envelope.Data),
        };
    }

    private static JsonObject Data(EnrichedRemittance data)
    {
        if (!RemittancePurposes.IsKnown(data.Purpose))
        {
            throw new ArgumentException($"Unknown purpose '{data.Purpose}'; see RemittancePurposes.", nameof(data));
        }

        var invoices = new JsonArray([.. data.Invoices.Select(JsonNode? (invoice) => Invoice(invoice))]);

        return new JsonObject
        {
            [EnvelopeFields.RequestId] = data.RequestId,
            [EnvelopeFields.PartnerId] = data.PartnerId,
            [EnvelopeFields.PartnerReference] = data.PartnerReference,
            [EnvelopeFields.Outcome] = data.Outcome.ToWire(),
            [EnvelopeFields.Purpose] = data.Purpose,
            [EnvelopeFields.SettledAt] = WireTime.Format(data.SettledAt),
            [EnvelopeFields.Amount] = WireAmount.Format(data.Amount, data.Currency),
            [EnvelopeFields.Currency] = data.Currency.Code,
            [EnvelopeFields.PaymentMethod] = data.PaymentMethod.ToWire(),
            [EnvelopeFields.PaymentDescription] = data.PaymentDescription,
            [EnvelopeFields.Payee] = Payee(data.Payee),
            [EnvelopeFields.Invoices] = invoices,
        };
    }

    private static JsonObject Payee(Payee payee)
    {
        var node = new JsonObject
        {
            [PartnerMessageFields.PayeeId] = payee.Id,
            [PartnerMessageFields.PayeeType] = payee.Type.ToWire(),
            [PartnerMessageFields.PayeeCountry] = payee.Country,
        };
        if (payee.Locale is not null)
        {
            node[PartnerMessageFields.PayeeLocale] = payee.Locale;
        }

        return node;
    }

    private static JsonObject Invoice(EnrichedInvoice invoice)
    {
        if (!Iso4217.TryGet(invoice.Currency, out var currency))
        {
            throw new ArgumentException($"Invoice {invoice.InvoiceId}: '{invoice.Currency}' is not an ISO 4217 code with a minor unit.", nameof(invoice));
        }

        var node = new JsonObject
        {
            [EnvelopeFields.InvoiceId] = invoice.InvoiceId,
            [EnvelopeFields.Description] = invoice.Description,
            [EnvelopeFields.Amount] = WireAmount.Format(invoice.Amount, currency),
            [EnvelopeFields.Currency] = currency.Code,
            [EnvelopeFields.IssuedAt] = WireTime.Format(invoice.IssuedAt),
        };
        if (invoice.PurchaseOrder is not null)
        {
            node[EnvelopeFields.PurchaseOrder] = invoice.PurchaseOrder;
        }

        return node;
    }
}
