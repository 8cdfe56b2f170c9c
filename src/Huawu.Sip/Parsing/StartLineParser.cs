using System.Text;
using Huawu.Sip.Messages;

namespace Huawu.Sip.Parsing;

/// <summary>
/// Request-Line = Method SP Request-URI SP SIP-Version CRLF and Status-Line = SIP-Version SP Status-Code SP
/// Reason-Phrase CRLF (RFC 3261 §7.1, §7.2). Exactly one SP between elements: RFC 4475 §3.1.2.8–3.1.2.10
/// ("lwsruri", "lwsstart", "trws") must be rejected.
/// </summary>
internal static class StartLineParser
{
    public const string MalformedRequestLine = "Malformed Request-Line";
    public const string MalformedStatusLine = "Malformed Status-Line";
    public const string BadStatusCode = "Bad status code";
    public const string UnsupportedVersion = "Unsupported SIP version";

    public static bool LooksLikeResponse(ReadOnlySpan<byte> message) =>
        message.Length >= 4 && Ascii.EqualsIgnoreCase(message[..4], "SIP/"u8);

    /// <summary>Locates the start line; returns null when it is well formed, else a 400 reason.</summary>
    public static string? Parse(ReadOnlySpan<byte> message, int lineLength, out StartLine line) =>
        LooksLikeResponse(message)
            ? ParseStatusLine(message[..lineLength], out line)
            : ParseRequestLine(message[..lineLength], out line);

    private static string? ParseRequestLine(ReadOnlySpan<byte> text, out StartLine line)
    {
        var whole = new ByteRange(0, text.Length);
        line = new StartLine(true, whole, default, KnownMethod.Unknown, default, default, 0, default);
        var methodEnd = text.IndexOf((byte)' ');
        if (methodEnd <= 0 || text[..methodEnd].IndexOfAnyExcept(SipCharacters.Token) >= 0) return MalformedRequestLine;
        var method = new ByteRange(0, methodEnd);
        var known = SipMethod.Recognize(text[..methodEnd]);

        var uriStart = methodEnd + 1;
        var uriLength = text[uriStart..].IndexOf((byte)' ');
        var uri = new ByteRange(uriStart, Math.Max(uriLength, 0));
        var version = uriLength <= 0 ? default : ByteRange.FromBounds(uri.End + 1, text.Length);
        line = new StartLine(true, whole, method, known, uri, version, 0, default);
        return uriLength > 0 && IsVersion(version.Of(text)) ? null : MalformedRequestLine;
    }

    private static string? ParseStatusLine(ReadOnlySpan<byte> text, out StartLine line)
    {
        var whole = new ByteRange(0, text.Length);
        line = new StartLine(false, whole, default, KnownMethod.Unknown, default, default, 0, default);
        var versionEnd = text.IndexOf((byte)' ');
        if (versionEnd < 0 || !IsVersion(text[..versionEnd])) return MalformedStatusLine;
        var version = new ByteRange(0, versionEnd);

        // Status-Code = 3DIGIT, 100 to 699 (RFC 3261 §21; RFC 4475 §3.1.2.19 "bigcode" must be dropped).
        var code = text[(versionEnd + 1)..];
        if (code.Length < 3 || (code.Length > 3 && code[3] != ' ')) return BadStatusCode;
        var statusCode = 0;
        for (var i = 0; i < 3; i++)
        {
            if (!SipCharacters.IsDigit(code[i])) return BadStatusCode;
            statusCode = (statusCode * 10) + (code[i] - '0');
        }
        if (statusCode is < 100 or > 699) return BadStatusCode;

        // Reason-Phrase = *(reserved / unreserved / escaped / UTF8-NONASCII / UTF8-CONT / SP / HTAB): no controls.
        var reason = code.Length > 4 ? ByteRange.FromBounds(versionEnd + 5, text.Length) : default;
        line = new StartLine(false, whole, default, KnownMethod.Unknown, default, version, statusCode, reason);
        foreach (var b in reason.Of(text))
        {
            if ((b < 0x20 && b != '\t') || b == 0x7F) return MalformedStatusLine;
        }
        // A response in another version cannot be understood and nobody can be told (RFC 3261 §7.2).
        return Ascii.EqualsIgnoreCase(version.Of(text), "SIP/2.0"u8) ? null : UnsupportedVersion;
    }

    /// <summary>SIP-Version = "SIP" "/" 1*DIGIT "." 1*DIGIT.</summary>
    private static bool IsVersion(ReadOnlySpan<byte> text)
    {
        if (text.Length < 7 || !Ascii.EqualsIgnoreCase(text[..4], "SIP/"u8)) return false;
        var numbers = text[4..];
        var dot = numbers.IndexOf((byte)'.');
        return dot > 0 && dot < numbers.Length - 1
            && numbers[..dot].IndexOfAnyExcept(SipCharacters.Digits) < 0
            && numbers[(dot + 1)..].IndexOfAnyExcept(SipCharacters.Digits) < 0;
    }
}
