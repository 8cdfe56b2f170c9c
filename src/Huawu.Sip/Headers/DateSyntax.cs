using Huawu.Sip.Parsing;

namespace Huawu.Sip.Headers;

/// <summary>
/// SIP-date = rfc1123-date = wkday "," SP date1 SP time SP "GMT" (RFC 3261 §20.17), e.g.
/// "Sat, 13 Nov 2010 23:29:00 GMT". Other zones are invalid (RFC 4475 §3.1.2.12 "baddate").
/// </summary>
internal static class DateSyntax
{
    private static readonly string[] Weekdays = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"];
    private static readonly string[] Months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

    public static bool IsRfc1123Date(ReadOnlySpan<byte> text)
    {
        // "Www, DD Mmm YYYY HH:MM:SS GMT" is 29 bytes with every separator in a fixed place.
        return text.Length == 29
            && IsOneOf(text[..3], Weekdays) && text[3] == ',' && text[4] == ' '
            && AreDigits(text.Slice(5, 2)) && text[7] == ' '
            && IsOneOf(text.Slice(8, 3), Months) && text[11] == ' '
            && AreDigits(text.Slice(12, 4)) && text[16] == ' '
            && AreDigits(text.Slice(17, 2)) && text[19] == ':'
            && AreDigits(text.Slice(20, 2)) && text[22] == ':'
            && AreDigits(text.Slice(23, 2)) && text[25] == ' '
            && text[26..].SequenceEqual("GMT"u8);
    }

    private static bool AreDigits(ReadOnlySpan<byte> text) => text.IndexOfAnyExcept(SipCharacters.Digits) < 0;

    private static bool IsOneOf(ReadOnlySpan<byte> text, string[] names)
    {
        foreach (var name in names)
        {
            if (text[0] == name[0] && text[1] == name[1] && text[2] == name[2]) return true;
        }
        return false;
    }
}
