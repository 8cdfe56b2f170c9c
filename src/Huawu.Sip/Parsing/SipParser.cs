using System.Diagnostics.CodeAnalysis;
using Huawu.Sip.Messages;

namespace Huawu.Sip.Parsing;

/// <summary>
/// Parses one SIP message from a datagram or from a frame cut by <see cref="Framing.SipStreamFramer"/>.
/// The start line and the headers every layer needs are checked; every other header is only located and is
/// parsed when first used. Nothing is copied: the message refers to <c>input</c>.
/// </summary>
public static class SipParser
{
    // Header lines are collected here, then copied once into an array of the exact size the message keeps:
    // one allocation per message instead of a growing list.
    [ThreadStatic]
    private static HeaderField[]? scratch;

    public static bool TryParse(ReadOnlyMemory<byte> input, [NotNullWhen(true)] out SipMessage? message, out SipParseError error) =>
        TryParse(input, SipParserOptions.Default, out message, out error);

    public static bool TryParse(
        ReadOnlyMemory<byte> input,
        SipParserOptions options,
        [NotNullWhen(true)] out SipMessage? message,
        out SipParseError error)
    {
        ArgumentNullException.ThrowIfNull(options);
        message = null;
        // RFC 3261 §7.5: CRLFs before the start line are ignored.
        var bytes = input[CountLeadingLineBreaks(input.Span)..];
        var span = bytes.Span;
        var looksLikeRequest = !StartLineParser.LooksLikeResponse(span);

        if (span.IsEmpty) return Fail("Empty message", looksLikeRequest, null, out error);
        if (span.Length > options.MaxMessageBytes) return Fail("Message too large", looksLikeRequest, null, out error);
        var lineLength = span.IndexOf("\r\n"u8);
        if (lineLength > options.MaxHeaderLineBytes || (lineLength < 0 && span.Length > options.MaxHeaderLineBytes))
        {
            return Fail("Start line too long", looksLikeRequest, null, out error);
        }
        if (lineLength <= 0) return Fail("Malformed start line", looksLikeRequest, null, out error);

        var headerFailure = LocateHeaders(span, lineLength + 2, options, out var fields, out var bodyStart);
        if (headerFailure is not null) return Fail(headerFailure, looksLikeRequest, null, out error);

        var census = HeaderCensus.Take(fields);
        var bodyFailure = LocateBody(span, fields, census, bodyStart, out var body);
        var failure = StartLineParser.Parse(span, lineLength, out var startLine) ?? bodyFailure;
        var essentials = default(MessageEssentials);
        failure ??= EssentialsParser.Parse(bytes, startLine, fields, census, out essentials);

        var parsed = new SipMessage(bytes[..body.End], startLine, fields, body, essentials, isValidated: failure is null);
        if (failure is not null) return Fail(failure, looksLikeRequest, parsed, out error);
        message = parsed;
        error = default;
        return true;
    }

    private static int CountLeadingLineBreaks(ReadOnlySpan<byte> span)
    {
        var start = 0;
        while (start + 1 < span.Length && span[start] == '\r' && span[start + 1] == '\n') start += 2;
        return start;
    }

    private static string? LocateHeaders(ReadOnlySpan<byte> span, int firstHeader, SipParserOptions options, out HeaderField[] fields, out int bodyStart)
    {
        fields = [];
        bodyStart = 0;
        var table = scratch is { Length: var length } && length >= options.MaxHeaderCount
            ? scratch
            : scratch = new HeaderField[options.MaxHeaderCount];
        var reader = new HeaderLineReader(span, firstHeader, options.MaxHeaderLineBytes, isWholeMessage: true);
        var count = 0;
        while (true)
        {
            switch (reader.Read(out var line))
            {
                case HeaderLineStatus.Header:
                    if (count == options.MaxHeaderCount) return "Too many headers";
                    table[count++] = new HeaderField(line.Id, line.Name, line.Value);
                    break;
                case HeaderLineStatus.EndOfHeaders:
                    fields = table.AsSpan(0, count).ToArray();
                    bodyStart = reader.Position;
                    return null;
                case HeaderLineStatus.Incomplete:
                    return "Incomplete header section";
                case HeaderLineStatus.TooLong:
                    return "Header line too long";
                default:
                    return "Malformed header line";
            }
        }
    }

    /// <summary>
    /// RFC 3261 §18.3 for datagrams: the body is Content-Length octets and anything after it is discarded
    /// (RFC 4475 §3.1.1.8 "dblreq"); a shorter datagram is an error (§3.1.2.2 "clerr"); without the header the
    /// body runs to the end of the datagram. On failure the body is empty so the headers can still be used.
    /// </summary>
    private static string? LocateBody(ReadOnlySpan<byte> span, HeaderField[] fields, HeaderCensus census, int bodyStart, out ByteRange body)
    {
        body = new ByteRange(bodyStart, 0);
        var count = census.Count(Headers.HeaderId.ContentLength);
        if (count == 0)
        {
            body = ByteRange.FromBounds(bodyStart, span.Length);
            return null;
        }
        if (count > 1) return "Multiple Content-Length headers";
        var value = fields[census.FirstIndex(Headers.HeaderId.ContentLength)].Value.Of(span);
        if (!TryParseContentLength(value, out var length)) return "Bad Content-Length";
        if (length > span.Length - bodyStart) return "Message body shorter than Content-Length";
        body = new ByteRange(bodyStart, length);
        return null;
    }

    /// <summary>Content-Length = 1*DIGIT, here at most 9 digits so it fits an int (RFC 4475 §3.1.2.3 "ncl").</summary>
    internal static bool TryParseContentLength(ReadOnlySpan<byte> value, out int length)
    {
        length = 0;
        if (value.IsEmpty || value.Length > 9 || value.IndexOfAnyExcept(SipCharacters.Digits) >= 0) return false;
        foreach (var digit in value) length = (length * 10) + (digit - '0');
        return true;
    }

    private static bool Fail(string reason, bool looksLikeRequest, SipMessage? partial, out SipParseError error)
    {
        error = new SipParseError(reason, looksLikeRequest, partial);
        return false;
    }
}
