using System.Text;
using System.Text.RegularExpressions;
using Remittance.Notifications.Outbox;
using Remittance.Notifications.Tests.Support;

namespace Remittance.Notifications.Tests;

public sealed partial class OutboxWriterTests
{
    [Fact]
    public async Task WriteAsync_FirstTime_CreatesOneFileNamedAfterRequestAndTemplate()
    {
        using var directory = new TemporaryDirectory();
        var notification = Rendered("001-settled-usd-business.json");

        var result = await new OutboxWriter(directory.Path).WriteAsync(notification);

        Assert.False(result.AlreadyExisted);
        Assert.Equal(directory.Combine(OutboxFileName.For(notification.RequestId, notification.TemplateId, notification.Channel)), result.Path);
        Assert.Equal([result.Path], Directory.EnumerateFiles(directory.Path));
        Assert.EndsWith("-business-advice.en.eml", result.Path, StringComparison.Ordinal);
    }

    [Fact]
    public async Task WriteAsync_SameNotificationTwice_KeepsOneIdenticalFileAndSaysItExisted()
    {
        using var directory = new TemporaryDirectory();
        var writer = new OutboxWriter(directory.Path);
        var first = await writer.WriteAsync(Rendered("004-settled-eur-sepa-de-locale.json"));
        var bytes = await File.ReadAllBytesAsync(first.Path);

        var second = await writer.WriteAsync(Rendered("004-settled-eur-sepa-de-locale.json"));

        Assert.Equal((first.Path, true, false), (second.Path, second.AlreadyExisted, second.Changed));
        Assert.Equal(bytes, await File.ReadAllBytesAsync(second.Path));
        Assert.Single(Directory.EnumerateFiles(directory.Path));
    }

    [Fact]
    public async Task WriteAsync_WhenTheSameNotificationNowRendersDifferently_ReplacesItAndSaysSo()
    {
        using var directory = new TemporaryDirectory();
        var writer = new OutboxWriter(directory.Path);
        var notification = Rendered("001-settled-usd-business.json");
        await writer.WriteAsync(notification);

        var result = await writer.WriteAsync(notification with { Body = notification.Body + "<p>Updated</p>" });

        Assert.True(result.AlreadyExisted && result.Changed);
        Assert.Contains("<p>Updated</p>", await File.ReadAllTextAsync(result.Path), StringComparison.Ordinal);
        Assert.Single(Directory.EnumerateFiles(directory.Path));
    }

    [Fact]
    public async Task WriteAsync_ConcurrentWritersOfOneNotification_ExactlyOneSeesItNew()
    {
        using var directory = new TemporaryDirectory();
        var writer = new OutboxWriter(directory.Path);
        var notification = Rendered("002-settled-jpy-zero-decimals.json");

        var results = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Task.Run(() => writer.WriteAsync(notification))));

        Assert.Single(results, r => !r.AlreadyExisted);
        Assert.All(results, r => Assert.False(r.Changed));
        Assert.Single(Directory.EnumerateFiles(directory.Path));
    }

    [Fact]
    public void FileName_ForEverySampleRequestId_IsSafeStableAndDistinct()
    {
        var names = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (source, remittance) in SampleRemittances.All())
        {
            var name = OutboxFileName.For(remittance.RequestId, "business-advice.en", NotificationChannel.Email);

            Assert.Matches(SafeFileName(), name);
            Assert.InRange(Encoding.UTF8.GetByteCount(name), 1, 160);
            Assert.Equal(name, OutboxFileName.For(remittance.RequestId, "business-advice.en", NotificationChannel.Email));
            Assert.DoesNotContain(remittance.Payee.Id, name, StringComparison.Ordinal);
            if (names.TryGetValue(name, out var other))
            {
                Assert.Equal(SampleRemittances.Sample(other).RequestId, remittance.RequestId);
            }

            names[name] = source;
        }
    }

    [Fact]
    public void FileName_ForASms_EndsInTxt() =>
        Assert.EndsWith("-individual-advice.pt-BR.txt", OutboxFileName.For("ipe-pagamentos-2026-11-21-000005", "individual-advice.pt-BR", NotificationChannel.Sms), StringComparison.Ordinal);

    [Fact]
    public async Task WriteAsync_Email_IsAnRfc5322MessageWithSubjectAndTo()
    {
        using var directory = new TemporaryDirectory();
        var notification = Rendered("004-settled-eur-sepa-de-locale.json");

        var result = await new OutboxWriter(directory.Path).WriteAsync(notification);

        var text = await File.ReadAllTextAsync(result.Path);
        var headerEnd = text.IndexOf("\r\n\r\n", StringComparison.Ordinal);
        var headers = text[..headerEnd];
        Assert.DoesNotContain("\n", headers.Replace("\r\n", string.Empty, StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.Equal(notification.Subject, DecodeHeader(Header(headers, "Subject")));
        Assert.Equal("\"payee-41d8\" <recipient@payees.invalid>", Header(headers, "To"));
        Assert.Equal("text/html; charset=utf-8", Header(headers, "Content-Type"));
        Assert.Equal("8bit", Header(headers, "Content-Transfer-Encoding"));
        Assert.Equal("business-advice.de", Header(headers, "X-Remittance-Template"));
        Assert.DoesNotContain("\r\nDate:", "\r\n" + headers, StringComparison.Ordinal);
        Assert.Equal(notification.Body.ReplaceLineEndings("\r\n") + "\r\n", text[(headerEnd + 4)..]);
    }

    [Fact]
    public async Task WriteAsync_EmailWithAVeryLongLine_UsesQuotedPrintable()
    {
        using var directory = new TemporaryDirectory();
        var notification = Rendered("001-settled-usd-business.json") with { Body = "<p>" + string.Concat(Enumerable.Repeat("Zahlungsbestätigung ", 80)) + "</p>" };

        var result = await new OutboxWriter(directory.Path).WriteAsync(notification);

        var text = await File.ReadAllTextAsync(result.Path);
        var headerEnd = text.IndexOf("\r\n\r\n", StringComparison.Ordinal);
        Assert.Contains("\r\nContent-Transfer-Encoding: quoted-printable\r\n", text[..(headerEnd + 2)], StringComparison.Ordinal);
        var lines = text[(headerEnd + 4)..].Split("\r\n");
        Assert.All(text.Split("\r\n").Where(l => l.Contains("=?utf-8?", StringComparison.Ordinal)), line => Assert.InRange(line.Length, 0, 76));
        Assert.All(lines, line => Assert.InRange(line.Length, 0, 76));
        Assert.Contains(lines, line => line.Contains("Zahlungsbest=C3=A4tigung", StringComparison.Ordinal));
    }

    [Fact]
    public async Task WriteAsync_Sms_IsATextFileWithTheMessage()
    {
        using var directory = new TemporaryDirectory();
        var notification = Rendered("005-settled-brl-individual-pt-br.json");

        var result = await new OutboxWriter(directory.Path).WriteAsync(notification);

        var text = await File.ReadAllTextAsync(result.Path);
        Assert.StartsWith("To: payee-9e17\nTemplate: individual-advice.pt-BR\nLocale: pt-BR\nRequest: ipe-pagamentos-2026-11-21-000005-", text, StringComparison.Ordinal);
        Assert.EndsWith("\n\n" + notification.Body + "\n", text, StringComparison.Ordinal);
    }

    private static RenderedNotification Rendered(string source)
    {
        var remittance = SampleRemittances.Sample(source);
        return NotificationRenderer.Render(ShippedCatalog.Selector.Select(remittance), remittance);
    }

    private static string Header(string headers, string name)
    {
        var match = Regex.Match(headers, $"^{name}: ([^\r\n]*(?:\r\n [^\r\n]*)*)", RegexOptions.Multiline);
        Assert.True(match.Success, $"no {name} header");
        return match.Groups[1].Value.TrimEnd('\r');
    }

    private static string DecodeHeader(string value)
    {
        var words = EncodedWord().Matches(value);
        return words.Count == 0
            ? value
            : Encoding.UTF8.GetString([.. words.SelectMany(w => Convert.FromBase64String(w.Groups[1].Value))]);
    }

    [GeneratedRegex(@"=\?utf-8\?B\?([A-Za-z0-9+/=]+)\?=")]
    private static partial Regex EncodedWord();

    [GeneratedRegex("^[A-Za-z0-9_.-]+$")]
    private static partial Regex SafeFileName();
}
