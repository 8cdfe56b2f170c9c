using Huawu.Sip.Parsing;

namespace Huawu.Sip.Uris;

/// <summary>
/// Compares URI components as RFC 3261 §19.1.4 asks: "characters other than those in the reserved set are
/// equivalent to their '%' HEX HEX encoding", while an escaped reserved character stays distinct from the
/// character itself. Compares without allocating.
/// </summary>
internal static class UriComponent
{
    // Decoded reserved characters are reported above the byte range so that "%40" never equals "@".
    private const int EscapedReserved = 0x100;

    public static bool Equal(ReadOnlySpan<byte> left, ReadOnlySpan<byte> right, bool ignoreCase)
    {
        int i = 0, j = 0;
        while (true)
        {
            var a = Next(left, ref i, ignoreCase);
            var b = Next(right, ref j, ignoreCase);
            if (a != b) return false;
            if (a < 0) return true;
        }
    }

    /// <summary>The next character of <paramref name="text"/> with unreserved escapes decoded; -1 at the end.</summary>
    private static int Next(ReadOnlySpan<byte> text, ref int position, bool ignoreCase)
    {
        if (position >= text.Length) return -1;
        int value = text[position++];
        if (value == '%' && position + 1 < text.Length
            && SipCharacters.IsHexDigit(text[position]) && SipCharacters.IsHexDigit(text[position + 1]))
        {
            value = (HexValue(text[position]) << 4) | HexValue(text[position + 1]);
            position += 2;
            if (IsReserved(value)) return EscapedReserved + value;
        }
        return ignoreCase && (uint)(value - 'A') <= 'Z' - 'A' ? value | 0x20 : value;
    }

    // reserved = ";" / "/" / "?" / ":" / "@" / "&" / "=" / "+" / "$" / "," (RFC 3261 §25.1)
    private static bool IsReserved(int c) => c is ';' or '/' or '?' or ':' or '@' or '&' or '=' or '+' or '$' or ',';

    private static int HexValue(byte digit) => SipCharacters.IsDigit(digit) ? digit - '0' : (digit | 0x20) - 'a' + 10;
}
