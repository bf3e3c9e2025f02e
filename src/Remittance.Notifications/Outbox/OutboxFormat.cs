using System.Buffers;
using System.Globalization;
using System.Text;

namespace Remittance.Notifications.Outbox;

/// <summary>
/// What an outbox file holds. EMAIL: an RFC 5322 message (<c>.eml</c>, opens in any mail client) with Subject and To
/// headers, an HTML body, and no Date header, so that rendering the same notification twice gives the same bytes.
/// SMS: a few header lines, a blank line and the text. Non-ASCII headers are RFC 2047 encoded; the body is sent as
/// 8-bit UTF-8, or quoted-printable when a line would pass RFC 5322's 998-octet limit.
/// </summary>
internal static class OutboxFormat
{
    private const string Crlf = "\r\n";
    private const int MaxLineOctets = 998;
    // 39 bytes make 52 base64 characters: with "=?utf-8?B?", "?=" and the longest header name used before one
    // ("Subject: "), a line stays within RFC 2047's 76 characters.
    private const int MaxEncodedWordBytes = 39;

    private static readonly UTF8Encoding s_utf8 = new(encoderShouldEmitUTF8Identifier: false);

    public static byte[] Render(RenderedNotification notification) =>
        s_utf8.GetBytes(notification.Channel == NotificationChannel.Email ? Email(notification) : Sms(notification));

    private static string Email(RenderedNotification n)
    {
        var stem = OutboxFileName.RequestStem(n.RequestId);
        var body = n.Body.ReplaceLineEndings(Crlf);
        var needsQuotedPrintable = body.Split(Crlf).Any(line => s_utf8.GetByteCount(line) > MaxLineOctets);
        var headers = new StringBuilder()
            .Append("Message-ID: <").Append(stem).Append('.').Append(n.TemplateId).Append("@outbox.remittance.invalid>").Append(Crlf)
            .Append("From: ").Append("Remittance notifications <notifications@remittance.invalid>").Append(Crlf)
            .Append("To: ").Append(DisplayName(n.Recipient)).Append(IsPlainAscii(n.Recipient) ? " " : Crlf + " ").Append("<recipient@payees.invalid>").Append(Crlf)
            .Append("Subject: ").Append(HeaderText(n.Subject ?? string.Empty)).Append(Crlf)
            .Append("MIME-Version: 1.0").Append(Crlf)
            .Append("Content-Type: text/html; charset=utf-8").Append(Crlf)
            .Append("Content-Transfer-Encoding: ").Append(needsQuotedPrintable ? "quoted-printable" : "8bit").Append(Crlf)
            .Append("Content-Language: ").Append(n.Locale).Append(Crlf)
            .Append("X-Remittance-Request: ").Append(stem).Append(Crlf)
            .Append("X-Remittance-Template: ").Append(n.TemplateId).Append(Crlf)
            .Append(Crlf);
        return headers.Append(needsQuotedPrintable ? QuotedPrintable(body) : body).Append(Crlf).ToString();
    }

    private static string Sms(RenderedNotification n) =>
        $"To: {n.Recipient}\nTemplate: {n.TemplateId}\nLocale: {n.Locale}\nRequest: {OutboxFileName.RequestStem(n.RequestId)}\n\n{n.Body}\n";

    /// <summary>A quoted display name when it is plain ASCII, otherwise encoded words.</summary>
    private static string DisplayName(string text) =>
        IsPlainAscii(text) ? "\"" + text.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal) + "\"" : EncodedWords(text);

    private static string HeaderText(string text) => IsPlainAscii(text) ? text : EncodedWords(text);

    private static bool IsPlainAscii(string text) => text.All(c => c is >= ' ' and <= '~');

    /// <summary>RFC 2047 B-encoded words, never splitting a character, one per folded line.</summary>
    private static string EncodedWords(string text)
    {
        var words = new List<string>();
        var chunk = new ArrayBufferWriter<byte>();
        Span<byte> buffer = stackalloc byte[4];
        foreach (var rune in text.EnumerateRunes())
        {
            var length = rune.EncodeToUtf8(buffer);
            if (chunk.WrittenCount + length > MaxEncodedWordBytes)
            {
                words.Add(Word(chunk.WrittenSpan));
                chunk.Clear();
            }

            chunk.Write(buffer[..length]);
        }

        if (chunk.WrittenCount > 0)
        {
            words.Add(Word(chunk.WrittenSpan));
        }

        return string.Join(Crlf + " ", words);

        static string Word(ReadOnlySpan<byte> bytes) => "=?utf-8?B?" + Convert.ToBase64String(bytes) + "?=";
    }

    /// <summary>RFC 2045 quoted-printable over UTF-8, with CRLF line breaks kept as hard breaks.</summary>
    private static string QuotedPrintable(string body)
    {
        var output = new StringBuilder();
        var lines = body.Split(Crlf);
        for (var index = 0; index < lines.Length; index++)
        {
            var bytes = s_utf8.GetBytes(lines[index]);
            var lineLength = 0;
            for (var position = 0; position < bytes.Length; position++)
            {
                var b = bytes[position];
                var isLast = position == bytes.Length - 1;
                var literal = (b is >= 33 and <= 126 && b != '=') || (b is (byte)' ' or (byte)'\t' && !isLast);
                var token = literal ? ((char)b).ToString() : "=" + b.ToString("X2", CultureInfo.InvariantCulture);
                if (lineLength + token.Length > 75)
                {
                    output.Append('=').Append(Crlf);
                    lineLength = 0;
                }

                output.Append(token);
                lineLength += token.Length;
            }

            if (index < lines.Length - 1)
            {
                output.Append(Crlf);
            }
        }

        return output.ToString();
    }
}
