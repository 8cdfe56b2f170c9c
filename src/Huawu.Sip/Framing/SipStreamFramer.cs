using System.Buffers;
using Huawu.Sip.Headers;
using Huawu.Sip.Parsing;

namespace Huawu.Sip.Framing;

/// <summary>
/// Cuts a byte stream (TCP, TLS) into SIP messages. On streams Content-Length is mandatory and gives the body
/// length (RFC 3261 §18.3); CRLF keep-alives between messages are reported, not parsed (RFC 5626 §3.5.1).
/// Works on the <see cref="ReadOnlySequence{T}"/> a PipeReader hands out, so bytes may arrive in any chunks.
/// One framer per connection; not thread-safe.
/// </summary>
public sealed class SipStreamFramer
{
    private static ReadOnlySpan<byte> HeaderTerminator => "\r\n\r\n"u8;

    private readonly SipFramingLimits limits;
    private bool afterLoneCrlf;
    private long pendingMessageLength = -1;
    private string? failure;

    public SipStreamFramer(SipFramingLimits? limits = null)
    {
        this.limits = limits ?? SipFramingLimits.Default;
    }

    /// <summary>
    /// Reads the next frame from the front of <paramref name="buffer"/> and, for a message or keep-alive, slices
    /// it off. After <see cref="SipFrameKind.NeedMoreData"/> call again with the same unread bytes plus more.
    /// </summary>
    public SipFrame Read(ref ReadOnlySequence<byte> buffer)
    {
        if (failure is not null) return Fail(failure);
        if (!new SequenceReader<byte>(buffer).TryPeek(out var first)) return NeedMoreData;
        if (first == '\r' && pendingMessageLength < 0) return ReadKeepAlive(ref buffer);
        afterLoneCrlf = false;

        if (pendingMessageLength < 0)
        {
            var frameLength = MeasureMessage(buffer, out var error);
            if (error is not null) return Fail(error);
            if (frameLength < 0) return NeedMoreData;
            pendingMessageLength = frameLength;
        }
        if (buffer.Length < pendingMessageLength) return NeedMoreData;

        var message = buffer.Slice(0, pendingMessageLength);
        buffer = buffer.Slice(pendingMessageLength);
        pendingMessageLength = -1;
        return new SipFrame(SipFrameKind.Message, message, null);
    }

    private static SipFrame NeedMoreData => new(SipFrameKind.NeedMoreData, default, null);

    private SipFrame ReadKeepAlive(ref ReadOnlySequence<byte> buffer)
    {
        if (buffer.Length < 2) return NeedMoreData;
        Span<byte> pair = stackalloc byte[2];
        buffer.Slice(0, 2).CopyTo(pair);
        if (pair[1] != '\n') return Fail("Stray CR between messages");
        buffer = buffer.Slice(2);
        var kind = afterLoneCrlf ? SipFrameKind.KeepAlivePing : SipFrameKind.KeepAliveCrlf;
        afterLoneCrlf = !afterLoneCrlf;
        return new SipFrame(kind, default, null);
    }

    /// <summary>The full length of the message at the front of the buffer, -1 when its headers are incomplete.</summary>
    private long MeasureMessage(ReadOnlySequence<byte> buffer, out string? error)
    {
        error = null;
        var window = buffer.Slice(0, Math.Min(buffer.Length, limits.MaxHeaderBytes));
        var reader = new SequenceReader<byte>(window);
        if (!reader.TryReadTo(out ReadOnlySequence<byte> _, HeaderTerminator, advancePastDelimiter: true))
        {
            if (buffer.Length >= limits.MaxHeaderBytes) error = $"Header section exceeds {limits.MaxHeaderBytes} bytes";
            return -1;
        }
        var headerLength = reader.Consumed;
        var headers = window.Slice(0, headerLength);

        int contentLength;
        if (headers.IsSingleSegment)
        {
            contentLength = FindContentLength(headers.FirstSpan, out error);
        }
        else
        {
            var copy = ArrayPool<byte>.Shared.Rent((int)headerLength);
            headers.CopyTo(copy);
            contentLength = FindContentLength(copy.AsSpan(0, (int)headerLength), out error);
            ArrayPool<byte>.Shared.Return(copy);
        }
        if (error is null && contentLength > limits.MaxBodyBytes) error = $"Body exceeds {limits.MaxBodyBytes} bytes";
        return error is null ? headerLength + contentLength : -1;
    }

    /// <summary>
    /// RFC 3261 §18.3: Content-Length MUST be used with stream transports. Two of them (RFC 4475 §3.3.9
    /// "mcl01") leave the body's extent unknown, which on a stream cannot be recovered from.
    /// </summary>
    private static int FindContentLength(ReadOnlySpan<byte> headers, out string? error)
    {
        error = null;
        var startLineEnd = headers.IndexOf("\r\n"u8);
        var lines = new HeaderLineReader(headers, startLineEnd + 2, headers.Length, isWholeMessage: false);
        var contentLength = -1;
        HeaderLineStatus status;
        while ((status = lines.Read(out var line)) == HeaderLineStatus.Header)
        {
            if (line.Id != HeaderId.ContentLength) continue;
            if (contentLength >= 0)
            {
                error = "Multiple Content-Length headers";
                return -1;
            }
            if (!SipParser.TryParseContentLength(line.Value.Of(headers), out contentLength))
            {
                error = "Bad Content-Length";
                return -1;
            }
        }
        if (status != HeaderLineStatus.EndOfHeaders) error = "Malformed header section";
        else if (contentLength < 0) error = "Missing Content-Length";
        return contentLength;
    }

    private SipFrame Fail(string reason)
    {
        failure = reason;
        return new SipFrame(SipFrameKind.Error, default, reason);
    }
}
