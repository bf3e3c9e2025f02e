using System.Globalization;
using System.Text;

namespace Remittance.Local.Http;

/// <summary>
/// Buffered reading of HTTP/1.1 requests from one connection. A read may be started ahead of time
/// (<see cref="StartFill"/>) to notice the client hanging up during a long poll; its bytes are kept for the next
/// request, so nothing is lost when the client instead sends another request.
/// </summary>
internal sealed class HttpConnectionReader(Stream stream)
{
    private const int MaxHeaderBytes = 64 * 1024;
    private static readonly byte[] s_headerEnd = "\r\n\r\n"u8.ToArray();

    private byte[] _buffer = new byte[8 * 1024];
    private int _start;
    private int _end;
    private Task<int>? _pendingFill;

    /// <summary>Starts reading more bytes; the task's result is 0 when the client closed the connection.</summary>
    public Task<int> StartFill(CancellationToken cancellationToken)
    {
        if (_pendingFill is null)
        {
            MakeRoom();
            _pendingFill = stream.ReadAsync(_buffer.AsMemory(_end), cancellationToken).AsTask();
        }

        return _pendingFill;
    }

    /// <summary>The next request, or null when the client closed the connection between requests.</summary>
    public async Task<LocalHttpRequest?> ReadRequestAsync(CancellationToken cancellationToken)
    {
        int headerEnd;
        while ((headerEnd = _buffer.AsSpan(_start, _end - _start).IndexOf(s_headerEnd)) < 0)
        {
            if (_end - _start >= MaxHeaderBytes)
            {
                throw new InvalidDataException("The request headers are too large.");
            }

            if (await FillAsync(cancellationToken).ConfigureAwait(false) == 0)
            {
                return _end == _start ? null : throw new EndOfStreamException("The connection closed inside a request.");
            }
        }

        var head = Encoding.Latin1.GetString(_buffer, _start, headerEnd);
        _start += headerEnd + s_headerEnd.Length;
        var lines = head.Split("\r\n");
        var requestLine = lines[0].Split(' ');
        if (requestLine.Length != 3 || !requestLine[2].StartsWith("HTTP/1.", StringComparison.Ordinal))
        {
            throw new InvalidDataException($"Malformed request line '{lines[0]}'.");
        }

        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var line in lines.AsSpan(1))
        {
            var colon = line.IndexOf(':', StringComparison.Ordinal);
            if (colon <= 0)
            {
                throw new InvalidDataException($"Malformed header line '{line}'.");
            }

            headers[line[..colon].Trim()] = line[(colon + 1)..].Trim();
        }

        var body = headers.TryGetValue("Transfer-Encoding", out var encoding) && encoding.Contains("chunked", StringComparison.OrdinalIgnoreCase)
            ? await ReadChunkedAsync(cancellationToken).ConfigureAwait(false)
            : headers.TryGetValue("Content-Length", out var length)
                ? await ReadExactAsync(int.Parse(length, NumberStyles.None, CultureInfo.InvariantCulture), cancellationToken).ConfigureAwait(false)
                : [];
        var target = requestLine[1];
        var query = target.IndexOf('?', StringComparison.Ordinal);
        return new LocalHttpRequest(requestLine[0], query < 0 ? target : target[..query], headers, body);
    }

    private async Task<byte[]> ReadChunkedAsync(CancellationToken cancellationToken)
    {
        using var body = new MemoryStream();
        while (true)
        {
            var sizeLine = await ReadLineAsync(cancellationToken).ConfigureAwait(false);
            var extension = sizeLine.IndexOf(';', StringComparison.Ordinal);
            var size = int.Parse(extension < 0 ? sizeLine : sizeLine[..extension], NumberStyles.HexNumber, CultureInfo.InvariantCulture);
            if (size == 0)
            {
                // Trailers, if any, end with an empty line.
                while ((await ReadLineAsync(cancellationToken).ConfigureAwait(false)).Length > 0)
                {
                }

                return body.ToArray();
            }

            body.Write(await ReadExactAsync(size, cancellationToken).ConfigureAwait(false));
            if ((await ReadLineAsync(cancellationToken).ConfigureAwait(false)).Length != 0)
            {
                throw new InvalidDataException("A chunk did not end with CRLF.");
            }
        }
    }

    private async Task<string> ReadLineAsync(CancellationToken cancellationToken)
    {
        int lineEnd;
        while ((lineEnd = _buffer.AsSpan(_start, _end - _start).IndexOf("\r\n"u8)) < 0)
        {
            if (await FillAsync(cancellationToken).ConfigureAwait(false) == 0)
            {
                throw new EndOfStreamException("The connection closed inside a chunked body.");
            }
        }

        var line = Encoding.Latin1.GetString(_buffer, _start, lineEnd);
        _start += lineEnd + 2;
        return line;
    }

    private async Task<byte[]> ReadExactAsync(int count, CancellationToken cancellationToken)
    {
        var result = new byte[count];
        var copied = 0;
        while (copied < count)
        {
            if (_end == _start && await FillAsync(cancellationToken).ConfigureAwait(false) == 0)
            {
                throw new EndOfStreamException("The connection closed inside a request body.");
            }

            var take = Math.Min(count - copied, _end - _start);
            _buffer.AsSpan(_start, take).CopyTo(result.AsSpan(copied));
            _start += take;
            copied += take;
        }

        return result;
    }

    private async Task<int> FillAsync(CancellationToken cancellationToken)
    {
        var read = await StartFill(cancellationToken).ConfigureAwait(false);
        _pendingFill = null;
        _end += read;
        return read;
    }

    private void MakeRoom()
    {
        if (_start > 0)
        {
            Buffer.BlockCopy(_buffer, _start, _buffer, 0, _end - _start);
            _end -= _start;
            _start = 0;
        }

        if (_end == _buffer.Length)
        {
            Array.Resize(ref _buffer, _buffer.Length * 2);
        }
    }
}
