using System.Text;
using Huawu.Sip.Parsing;
using Huawu.Sip.Uris;

namespace Huawu.Sip.Headers;

/// <summary>
/// via-parm = sent-protocol LWS sent-by *( SEMI via-params ) (RFC 3261 §25.1), with LWS allowed around every
/// '/', ':', ';' and '=' (RFC 4475 §3.1.1.1 "wsinv").
/// </summary>
internal static class ViaParser
{
    /// <summary>Reads one via-parm; the reader stops after its parameters (at the end, or before a COMMA).</summary>
    public static bool TryRead(ref SipReader reader, out ViaRanges via)
    {
        via = default;
        reader.SkipWhitespace();
        var start = reader.Position;

        // sent-protocol = protocol-name SLASH protocol-version SLASH transport
        if (!reader.TryReadToken(out var name) || !reader.TryConsumeSeparator((byte)'/')
            || !reader.TryReadToken(out var version) || !reader.TryConsumeSeparator((byte)'/')
            || !reader.TryReadToken(out var transport))
        {
            return false;
        }

        var beforeWhitespace = reader.Position;
        reader.SkipWhitespace();
        if (reader.Position == beforeWhitespace || !HostSyntax.TryRead(ref reader, out var host)) return false;

        var port = -1;
        if (reader.TryConsumeSeparator((byte)':'))
        {
            if (!reader.TryReadNumber(out var value) || value > 65535) return false;
            port = (int)value;
        }

        var parametersStart = reader.Position;
        ByteRange branch = default, received = default, maddr = default;
        int rport = -1, ttl = -1;
        ParameterRead read;
        while ((read = ParameterSyntax.ReadHeaderParameter(ref reader, out var parameter)) == ParameterRead.Read)
        {
            var parameterName = parameter.Name.Of(reader.Source);
            var value = parameter.Value.Of(reader.Source);
            if (Ascii.EqualsIgnoreCase(parameterName, "branch"u8))
            {
                if (!IsToken(parameter, value)) return false;
                branch = parameter.Value;
            }
            else if (Ascii.EqualsIgnoreCase(parameterName, "received"u8))
            {
                // via-received = "received" EQUAL (IPv4address / IPv6address)
                if (!parameter.HasValue || parameter.IsQuoted || !(HostSyntax.IsIPv4Address(value) || HostSyntax.IsIPv6Address(value))) return false;
                received = parameter.Value;
            }
            else if (Ascii.EqualsIgnoreCase(parameterName, "rport"u8))
            {
                // RFC 3581 §3: response-port = "rport" [EQUAL 1*DIGIT]
                if (!TryReadBoundedNumber(parameter, value, 65535, out rport, valueOptional: true)) return false;
            }
            else if (Ascii.EqualsIgnoreCase(parameterName, "maddr"u8))
            {
                if (!parameter.HasValue || parameter.IsQuoted || !IsHost(value)) return false;
                maddr = parameter.Value;
            }
            else if (Ascii.EqualsIgnoreCase(parameterName, "ttl"u8))
            {
                // ttl = 1*3DIGIT ; 0 to 255
                if (!TryReadBoundedNumber(parameter, value, 255, out ttl, valueOptional: false)) return false;
            }
        }
        if (read == ParameterRead.Malformed) return false;

        via = new ViaRanges(
            ByteRange.FromBounds(start, reader.Position), name, version, transport, host, port,
            ByteRange.FromBounds(parametersStart, reader.Position), branch, received, rport, maddr, ttl);
        return true;
    }

    private static bool IsToken(ParameterRanges parameter, ReadOnlySpan<byte> value) =>
        parameter.HasValue && !parameter.IsQuoted && value.IndexOfAnyExcept(SipCharacters.Token) < 0;

    private static bool IsHost(ReadOnlySpan<byte> value) =>
        value.Length > 2 && value[0] == '[' && value[^1] == ']'
            ? HostSyntax.IsIPv6Address(value[1..^1])
            : HostSyntax.IsHostnameOrIPv4(value);

    private static bool TryReadBoundedNumber(ParameterRanges parameter, ReadOnlySpan<byte> value, int max, out int number, bool valueOptional)
    {
        number = 0;
        if (!parameter.HasValue) return valueOptional;
        if (parameter.IsQuoted || value.IsEmpty || value.Length > 5 || value.IndexOfAnyExcept(SipCharacters.Digits) >= 0) return false;
        number = int.Parse(value, provider: System.Globalization.CultureInfo.InvariantCulture);
        return number <= max;
    }
}
