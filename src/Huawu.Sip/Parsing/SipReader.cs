using System.Buffers;
using Huawu.Sip.Uris;

namespace Huawu.Sip.Parsing;

/// <summary>
/// A forward cursor over one header value (or URI) inside a message buffer. It yields ranges relative to
/// the whole buffer, so typed views can point back into the receive bytes without copying.
/// </summary>
internal ref struct SipReader
{
    private readonly ReadOnlySpan<byte> source;
    private readonly int end;

    public SipReader(ReadOnlySpan<byte> source, ByteRange range)
    {
        this.source = source[..range.End];
        Position = range.Start;
        end = range.End;
    }

    public int Position { readonly get; set; }

    public readonly int End => end;

    public readonly bool AtEnd => Position >= end;

    public readonly ReadOnlySpan<byte> Source => source;

    /// <summary>The next byte, or -1 at the end.</summary>
    public readonly int Peek() => Position < end ? source[Position] : -1;

    public void SkipWhitespace() => Position = Lws.Skip(source, Position);

    public bool TryConsume(byte expected)
    {
        if (Position < end && source[Position] == expected)
        {
            Position++;
            return true;
        }
        return false;
    }

    /// <summary>
    /// Consumes SWS <paramref name="separator"/> SWS — the shape of SLASH, SEMI, EQUAL, COMMA and COLON in
    /// RFC 3261 §25.1. Leaves the position unchanged when the separator is absent.
    /// </summary>
    public bool TryConsumeSeparator(byte separator)
    {
        var start = Position;
        SkipWhitespace();
        if (TryConsume(separator))
        {
            SkipWhitespace();
            return true;
        }
        Position = start;
        return false;
    }

    /// <summary>Reads one or more bytes of <paramref name="set"/>.</summary>
    public bool TryReadRun(SearchValues<byte> set, out ByteRange range)
    {
        var rest = source[Position..end];
        var length = rest.IndexOfAnyExcept(set);
        if (length < 0) length = rest.Length;
        range = new ByteRange(Position, length);
        Position += length;
        return length > 0;
    }

    public bool TryReadToken(out ByteRange token) => TryReadRun(SipCharacters.Token, out token);

    /// <summary>Reads one or more bytes of a URI character class whose '%' escapes are all complete.</summary>
    public bool TryReadEscapedRun(SearchValues<byte> set, out ByteRange range) =>
        TryReadRun(set, out range) && PercentEncoding.IsWellFormed(range.Of(source));

    /// <summary>
    /// Reads quoted-string = DQUOTE *(qdtext / quoted-pair) DQUOTE (RFC 3261 §25.1) and returns the range
    /// between the quotes, escapes kept. qdtext excludes controls other than folded LWS.
    /// </summary>
    public bool TryReadQuotedString(out ByteRange content)
    {
        content = default;
        if (!TryConsume((byte)'"')) return false;
        var start = Position;
        while (Position < end)
        {
            var b = source[Position];
            if (b == '"')
            {
                content = ByteRange.FromBounds(start, Position);
                Position++;
                return true;
            }
            if (b == '\\')
            {
                // quoted-pair = "\" (%x00-09 / %x0B-0C / %x0E-7F)
                if (Position + 1 >= end || source[Position + 1] is (byte)'\r' or (byte)'\n' or > 0x7F) return false;
                Position += 2;
            }
            else if (b == '\r')
            {
                if (!Lws.IsFold(source, Position)) return false;
                Position += 3;
            }
            else if ((b < 0x20 && b != '\t') || b == 0x7F)
            {
                return false;
            }
            else
            {
                Position++;
            }
        }
        return false;
    }

    /// <summary>
    /// Reads 1*DIGIT. The value saturates at <see cref="ulong.MaxValue"/> so callers reject overlarge numbers
    /// (RFC 4475 §3.1.2.4) by comparing against their own bound.
    /// </summary>
    public bool TryReadNumber(out ulong value)
    {
        value = 0;
        var start = Position;
        while (Position < end && SipCharacters.IsDigit(source[Position]))
        {
            var digit = (ulong)(source[Position] - '0');
            value = value > (ulong.MaxValue - digit) / 10 ? ulong.MaxValue : (value * 10) + digit;
            Position++;
        }
        return Position > start;
    }
}
