using System.Text;
using Huawu.Sip.Parsing;

namespace Huawu.Sip.Uris;

/// <summary>
/// Locates the parts of SIP, SIPS and TEL URIs (RFC 3261 §19.1, §25.1; RFC 3966) and checks other absolute
/// URIs for legal characters, without copying anything.
/// </summary>
internal static class SipUriParser
{
    /// <summary>Parses the URI occupying exactly <paramref name="range"/>.</summary>
    /// <param name="allowHeaders">
    /// False for the Request-URI (RFC 3261 §19.1.1 table 1: headers are not allowed there; RFC 4475 §3.1.2.11)
    /// and for addr-spec outside angle brackets, where '?' must not appear (RFC 3261 §20).
    /// </param>
    public static bool TryParse(ReadOnlySpan<byte> source, ByteRange range, bool allowHeaders, out UriRanges uri)
    {
        uri = default;
        var reader = new SipReader(source, range);
        if (!reader.TryReadRun(SipCharacters.Scheme, out var schemeRange)
            || !SipCharacters.IsAlpha(source[schemeRange.Start])
            || !reader.TryConsume((byte)':'))
        {
            return false;
        }
        var scheme = SchemeOf(schemeRange.Of(source));
        return scheme switch
        {
            UriScheme.Sip or UriScheme.Sips => TryParseSip(ref reader, range, scheme, allowHeaders, out uri),
            UriScheme.Tel => TryParseTel(ref reader, range, out uri),
            _ => TryParseOther(ref reader, range, out uri),
        };
    }

    public static UriScheme SchemeOf(ReadOnlySpan<byte> scheme) =>
        Ascii.EqualsIgnoreCase(scheme, "sip"u8) ? UriScheme.Sip
        : Ascii.EqualsIgnoreCase(scheme, "sips"u8) ? UriScheme.Sips
        : Ascii.EqualsIgnoreCase(scheme, "tel"u8) ? UriScheme.Tel
        : UriScheme.Other;

    // SIP-URI = "sip:" [ userinfo ] hostport uri-parameters [ headers ]
    private static bool TryParseSip(ref SipReader reader, ByteRange whole, UriScheme scheme, bool allowHeaders, out UriRanges uri)
    {
        uri = default;
        var source = reader.Source;
        ByteRange user = default, password = default;

        // '@' cannot appear unescaped after the userinfo, so the first one ends it — even when the user part
        // holds ';' or '?' (RFC 4475 §3.1.1.9 "semiuri", §3.1.1.2 "intmeth").
        var at = source[reader.Position..reader.End].IndexOf((byte)'@');
        if (at >= 0)
        {
            var userInfo = new ByteRange(reader.Position, at);
            var colon = userInfo.Of(source).IndexOf((byte)':');
            user = colon < 0 ? userInfo : new ByteRange(userInfo.Start, colon);
            password = colon < 0 ? default : ByteRange.FromBounds(userInfo.Start + colon + 1, userInfo.End);
            if (user.IsEmpty || !IsMadeOf(user.Of(source), SipCharacters.User) || !IsMadeOf(password.Of(source), SipCharacters.Password))
            {
                return false;
            }
            reader.Position = userInfo.End + 1;
        }

        if (!HostSyntax.TryRead(ref reader, out var host) || !TryReadPort(ref reader, out var port)) return false;

        if (!TryReadParameters(ref reader, out var parameters)) return false;

        ByteRange headers = default;
        if (reader.TryConsume((byte)'?'))
        {
            if (!allowHeaders) return false;
            var headersStart = reader.Position;
            do
            {
                // header = hname "=" hvalue; hvalue may be empty
                if (!reader.TryReadEscapedRun(SipCharacters.UriHeader, out _) || !reader.TryConsume((byte)'=')) return false;
                if (reader.TryReadRun(SipCharacters.UriHeader, out var value) && !PercentEncoding.IsWellFormed(value.Of(source))) return false;
            }
            while (reader.TryConsume((byte)'&'));
            headers = ByteRange.FromBounds(headersStart, reader.Position);
        }

        uri = new UriRanges(whole, scheme, user, password, host, port, parameters, headers);
        return reader.AtEnd;
    }

    // telephone-uri = "tel:" telephone-subscriber; the subscriber is kept where a SIP URI keeps its user.
    private static bool TryParseTel(ref SipReader reader, ByteRange whole, out UriRanges uri)
    {
        uri = default;
        if (!reader.TryReadRun(SipCharacters.TelephoneNumber, out var number)) return false;
        if (!TryReadParameters(ref reader, out var parameters)) return false;
        uri = new UriRanges(whole, UriScheme.Tel, number, default, default, -1, parameters, default);
        return reader.AtEnd;
    }

    // absoluteURI = scheme ":" ( hier-part / opaque-part ): kept opaque, checked for URI characters only.
    private static bool TryParseOther(ref SipReader reader, ByteRange whole, out UriRanges uri)
    {
        uri = new UriRanges(whole, UriScheme.Other, default, default, default, -1, default, default);
        return reader.TryReadEscapedRun(SipCharacters.AbsoluteUri, out _) && reader.AtEnd;
    }

    private static bool TryReadParameters(ref SipReader reader, out ByteRange parameters)
    {
        var start = reader.Position;
        ParameterRead read;
        while ((read = ParameterSyntax.ReadUriParameter(ref reader, out _)) == ParameterRead.Read)
        {
        }
        parameters = ByteRange.FromBounds(start, reader.Position);
        return read == ParameterRead.None;
    }

    private static bool TryReadPort(ref SipReader reader, out int port)
    {
        port = -1;
        if (!reader.TryConsume((byte)':')) return true;
        var start = reader.Position;
        if (!reader.TryReadNumber(out var value) || value > 65535 || reader.Position - start > 5) return false;
        port = (int)value;
        return true;
    }


    private static bool IsMadeOf(ReadOnlySpan<byte> text, System.Buffers.SearchValues<byte> set) =>
        text.IndexOfAnyExcept(set) < 0 && PercentEncoding.IsWellFormed(text);
}
