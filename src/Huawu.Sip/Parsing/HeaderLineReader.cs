using Huawu.Sip.Headers;

namespace Huawu.Sip.Parsing;

internal enum HeaderLineStatus
{
    Header,
    EndOfHeaders,
    Incomplete,
    Malformed,
    TooLong,
}

internal readonly record struct HeaderLine(HeaderId Id, ByteRange Name, ByteRange Value);

/// <summary>
/// Walks the header section line by line (RFC 3261 §7.3): name, HCOLON, value, with folded continuation lines
/// (CRLF followed by SP/HTAB) kept inside the value. Shared by the datagram parser and the stream framer.
/// </summary>
internal ref struct HeaderLineReader
{
    private readonly ReadOnlySpan<byte> data;
    private readonly int maxLineBytes;
    private readonly bool isWholeMessage;

    /// <param name="isWholeMessage">
    /// True for a datagram, which cannot continue past its end: a final CRLF then ends the last header line
    /// and the header section, even without the empty line (RFC 4475 §3.1.2.15 "baddn" arrives so, and must
    /// still be answered). False for a stream, where more bytes may follow.
    /// </param>
    public HeaderLineReader(ReadOnlySpan<byte> data, int position, int maxLineBytes, bool isWholeMessage)
    {
        this.data = data;
        this.maxLineBytes = maxLineBytes;
        this.isWholeMessage = isWholeMessage;
        Position = position;
    }

    /// <summary>After <see cref="HeaderLineStatus.EndOfHeaders"/>, the first byte of the body.</summary>
    public int Position { readonly get; private set; }

    public HeaderLineStatus Read(out HeaderLine line)
    {
        line = default;
        var rest = data[Position..];
        if (rest.IsEmpty && isWholeMessage) return HeaderLineStatus.EndOfHeaders;
        if (rest.Length < 2) return HeaderLineStatus.Incomplete;
        if (rest[0] == '\r')
        {
            if (rest[1] != '\n') return HeaderLineStatus.Malformed;
            Position += 2;
            return HeaderLineStatus.EndOfHeaders;
        }

        var nameLength = rest.IndexOfAnyExcept(SipCharacters.Token);
        if (nameLength < 0) return rest.Length > maxLineBytes ? HeaderLineStatus.TooLong : HeaderLineStatus.Incomplete;
        if (nameLength == 0) return HeaderLineStatus.Malformed;
        if (nameLength > ushort.MaxValue) return HeaderLineStatus.TooLong;

        // HCOLON = *( SP / HTAB ) ":" SWS
        var colon = nameLength;
        while (colon < rest.Length && SipCharacters.IsWhitespace(rest[colon])) colon++;
        if (colon == rest.Length) return HeaderLineStatus.Incomplete;
        if (rest[colon] != ':') return HeaderLineStatus.Malformed;

        var lineEnd = FindLineEnd(rest, colon + 1, out var status);
        if (lineEnd < 0) return status;
        if (lineEnd > maxLineBytes) return HeaderLineStatus.TooLong;

        var valueStart = Lws.Skip(rest[..lineEnd], colon + 1);
        var valueEnd = Lws.TrimEnd(rest, valueStart, lineEnd);
        line = new HeaderLine(
            HeaderNames.Lookup(rest[..nameLength]),
            new ByteRange(Position, nameLength),
            ByteRange.FromBounds(Position + valueStart, Position + valueEnd));
        Position += lineEnd + 2;
        return HeaderLineStatus.Header;
    }

    /// <summary>The index of the CR ending the logical line that starts in <paramref name="rest"/>, folds included.</summary>
    private readonly int FindLineEnd(ReadOnlySpan<byte> rest, int from, out HeaderLineStatus status)
    {
        status = HeaderLineStatus.Incomplete;
        while (true)
        {
            var newline = rest[from..].IndexOf((byte)'\n');
            if (newline < 0)
            {
                if (rest.Length > maxLineBytes) status = HeaderLineStatus.TooLong;
                return -1;
            }
            newline += from;
            if (newline == 0 || rest[newline - 1] != '\r')
            {
                // RFC 3261 §7: lines end with CRLF; a bare LF is not a line break we can trust.
                status = HeaderLineStatus.Malformed;
                return -1;
            }
            if (newline + 1 >= rest.Length)
            {
                if (isWholeMessage) return newline - 1;
                // Whether a continuation line follows is not known yet.
                if (newline > maxLineBytes) status = HeaderLineStatus.TooLong;
                return -1;
            }
            if (!SipCharacters.IsWhitespace(rest[newline + 1])) return newline - 1;
            from = newline + 1;
        }
    }
}
