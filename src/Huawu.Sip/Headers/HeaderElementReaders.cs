using Huawu.Sip.Parsing;

namespace Huawu.Sip.Headers;

/// <summary>The element grammars of header values, one per kind of typed view.</summary>
internal static class HeaderElementReaders
{
    public static readonly ElementReader<ViaHeader> Via = ReadVia;
    public static readonly ElementReader<NameAddress> NameAddress = ReadNameAddress;
    public static readonly ElementReader<MediaType> MediaType = ReadMediaType;
    public static readonly ElementReader<ReadOnlyMemory<byte>> Token = ReadToken;
    public static readonly ElementReader<ReadOnlyMemory<byte>> ListElement = ReadListElement;
    public static readonly ElementReader<ReadOnlyMemory<byte>> WholeValue = ReadWholeValue;

    /// <summary>Which address shapes a header admits (RFC 3261 §20: Route-like headers take name-addr only).</summary>
    public static NameAddressForm FormOf(HeaderId header) => header switch
    {
        HeaderId.Contact => NameAddressForm.EitherOrWildcard,
        HeaderId.Route or HeaderId.RecordRoute or HeaderId.Path or HeaderId.ServiceRoute => NameAddressForm.NameAddrOnly,
        _ => NameAddressForm.Either,
    };

    private static bool ReadVia(ReadOnlyMemory<byte> source, ref SipReader reader, HeaderId header, out ViaHeader element)
    {
        var ok = ViaParser.TryRead(ref reader, out var ranges);
        element = new ViaHeader(source, ranges);
        return ok;
    }

    private static bool ReadNameAddress(ReadOnlyMemory<byte> source, ref SipReader reader, HeaderId header, out NameAddress element)
    {
        var ok = NameAddressParser.TryRead(ref reader, FormOf(header), out var ranges);
        element = new NameAddress(source, ranges);
        return ok;
    }

    private static bool ReadMediaType(ReadOnlyMemory<byte> source, ref SipReader reader, HeaderId header, out MediaType element) =>
        Headers.MediaType.TryRead(source, ref reader, out element);

    private static bool ReadToken(ReadOnlyMemory<byte> source, ref SipReader reader, HeaderId header, out ReadOnlyMemory<byte> element)
    {
        reader.SkipWhitespace();
        var ok = reader.TryReadToken(out var token);
        element = token.Of(source);
        return ok;
    }

    /// <summary>
    /// One element of a list header whose grammar we do not parse: up to the next COMMA that is outside quoted
    /// strings (with their backslash escapes) and angle brackets (RFC 3261 §7.3.1).
    /// </summary>
    private static bool ReadListElement(ReadOnlyMemory<byte> source, ref SipReader reader, HeaderId header, out ReadOnlyMemory<byte> element)
    {
        element = default;
        reader.SkipWhitespace();
        var text = reader.Source;
        var start = reader.Position;
        var index = start;
        var quoted = false;
        var angleDepth = 0;
        for (; index < reader.End; index++)
        {
            var b = text[index];
            if (quoted)
            {
                if (b == '\\') index++;
                else if (b == '"') quoted = false;
            }
            else if (b == '"') quoted = true;
            else if (b == '<') angleDepth++;
            else if (b == '>' && angleDepth > 0) angleDepth--;
            else if (b == ',' && angleDepth == 0) break;
        }
        if (quoted || index > reader.End) return false;
        var end = Lws.TrimEnd(text, start, index);
        reader.Position = index;
        element = ByteRange.FromBounds(start, end).Of(source);
        return end > start;
    }

    private static bool ReadWholeValue(ReadOnlyMemory<byte> source, ref SipReader reader, HeaderId header, out ReadOnlyMemory<byte> element)
    {
        element = ByteRange.FromBounds(reader.Position, reader.End).Of(source);
        reader.Position = reader.End;
        return true;
    }
}
