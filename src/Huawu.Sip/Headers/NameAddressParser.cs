using Huawu.Sip.Parsing;
using Huawu.Sip.Uris;

namespace Huawu.Sip.Headers;

/// <summary>
/// ( name-addr / addr-spec ) *( SEMI param ) of RFC 3261 §25.1, with name-addr = [ display-name ] LAQUOT
/// addr-spec RAQUOT and display-name = *(token LWS) / quoted-string.
/// </summary>
internal static class NameAddressParser
{
    private static readonly System.Buffers.SearchValues<byte> AddrSpecEnd = System.Buffers.SearchValues.Create(";, \t\r"u8);

    /// <summary>Reads one value; the reader stops after its parameters (at the end, or before a COMMA).</summary>
    public static bool TryRead(ref SipReader reader, NameAddressForm form, out NameAddressRanges result)
    {
        result = default;
        reader.SkipWhitespace();
        var start = reader.Position;
        if (form == NameAddressForm.EitherOrWildcard && reader.Peek() == '*')
        {
            reader.Position++;
            result = new NameAddressRanges(new ByteRange(start, 1), default, false, default, false, default, default, IsWildcard: true);
            return true;
        }

        if (!TryReadDisplayName(ref reader, out var displayName, out var quoted, out var angle)) return false;

        UriRanges uri;
        if (angle)
        {
            var close = reader.Source[reader.Position..reader.End].IndexOf((byte)'>');
            if (close < 0) return false;
            var uriRange = new ByteRange(reader.Position, close);
            if (!SipUriParser.TryParse(reader.Source, uriRange, allowHeaders: true, out uri)) return false;
            reader.Position = uriRange.End + 1;
        }
        else
        {
            if (form == NameAddressForm.NameAddrOnly) return false;
            // RFC 3261 §20.10: an addr-spec outside <> ends at ';' or ','; a URI needing those (or '?') must be
            // bracketed, so '?' here is an error (RFC 4475 §3.1.2.13 "regbadct").
            var rest = reader.Source[reader.Position..reader.End];
            var length = rest.IndexOfAny(AddrSpecEnd);
            var uriRange = new ByteRange(reader.Position, length < 0 ? rest.Length : length);
            if (!SipUriParser.TryParse(reader.Source, uriRange, allowHeaders: false, out uri)) return false;
            reader.Position = uriRange.End;
        }

        var parametersStart = reader.Position;
        ByteRange tag = default;
        ParameterRead read;
        while ((read = ParameterSyntax.ReadHeaderParameter(ref reader, out var parameter)) == ParameterRead.Read)
        {
            if (parameter.Name.Length == 3 && System.Text.Ascii.EqualsIgnoreCase(parameter.Name.Of(reader.Source), "tag"u8))
            {
                // tag-param = "tag" EQUAL token
                if (!parameter.HasValue || parameter.IsQuoted || parameter.Value.Of(reader.Source).IndexOfAnyExcept(SipCharacters.Token) >= 0) return false;
                tag = parameter.Value;
            }
        }
        if (read == ParameterRead.Malformed) return false;

        result = new NameAddressRanges(
            ByteRange.FromBounds(start, reader.Position), displayName, quoted, uri, angle,
            ByteRange.FromBounds(parametersStart, reader.Position), tag, IsWildcard: false);
        return true;
    }

    /// <summary>
    /// Reads an optional display name and the LAQUOT after it. Without '"' or '&lt;' first, a token directly
    /// followed by ':' is the scheme of an addr-spec; otherwise tokens up to '&lt;' form the display name
    /// (RFC 4475 §3.1.1.6 "lwsdisp": no LWS needed before '&lt;'; §3.1.2.15 "baddn": ',' is not a token).
    /// </summary>
    private static bool TryReadDisplayName(ref SipReader reader, out ByteRange displayName, out bool quoted, out bool angle)
    {
        displayName = default;
        quoted = false;
        angle = false;
        if (reader.Peek() == '"')
        {
            if (!reader.TryReadQuotedString(out displayName)) return false;
            quoted = true;
            reader.SkipWhitespace();
            return angle = reader.TryConsume((byte)'<');
        }
        if (reader.TryConsume((byte)'<')) return angle = true;

        var start = reader.Position;
        if (!reader.TryReadToken(out var token)) return false;
        if (reader.Peek() == ':')
        {
            reader.Position = start;
            return true;
        }
        var end = token.End;
        while (true)
        {
            reader.SkipWhitespace();
            if (reader.TryConsume((byte)'<'))
            {
                displayName = ByteRange.FromBounds(start, end);
                return angle = true;
            }
            if (!reader.TryReadToken(out token)) return false;
            end = token.End;
        }
    }
}
