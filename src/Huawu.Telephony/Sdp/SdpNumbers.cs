using System.Globalization;

namespace Huawu.Telephony.Sdp;

/// <summary>The numeric fields of SDP: plain decimal digits, no signs or spaces (RFC 4566 §9 grammar).</summary>
internal static class SdpNumbers
{
    public static bool TryParseUnsigned(ReadOnlySpan<char> text, out ulong value) =>
        ulong.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out value);

    public static bool TryParsePort(ReadOnlySpan<char> text, out int port)
    {
        port = 0;
        if (!TryParseUnsigned(text, out var value) || value > ushort.MaxValue) return false;
        port = (int)value;
        return true;
    }

    /// <summary>RTP payload types are 7 bits (RFC 3550 §5.1).</summary>
    public static bool TryParsePayloadType(ReadOnlySpan<char> text, out int payloadType)
    {
        payloadType = 0;
        if (!TryParseUnsigned(text, out var value) || value > 127) return false;
        payloadType = (int)value;
        return true;
    }

    /// <summary>
    /// a=ptime / a=maxptime in milliseconds (RFC 4566 §6). The grammar allows a fraction ("22.5"); packet
    /// timing here is in whole milliseconds, so it rounds.
    /// </summary>
    public static bool TryParseMilliseconds(string? text, out int milliseconds)
    {
        milliseconds = 0;
        if (!decimal.TryParse(text, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value)
            || value <= 0 || value > 10_000)
        {
            return false;
        }
        milliseconds = (int)Math.Round(value, MidpointRounding.AwayFromZero);
        return milliseconds > 0;
    }
}
