using System.Diagnostics.CodeAnalysis;
using System.Text;

namespace Huawu.Sip.Authentication;

/// <summary>
/// Reads credentials and challenges: <c>auth-scheme LWS auth-param *(COMMA auth-param)</c>, where
/// <c>auth-param = token EQUAL (token / quoted-string)</c> (RFC 3261 §25.1, §22.4; RFC 7235 §2.1).
/// Parameter names compare case-insensitively; values keep their case, quoted-pairs are unescaped.
/// </summary>
internal static class AuthParameterParser
{
    /// <summary>Splits off the scheme token; <paramref name="rest"/> is everything after it.</summary>
    public static bool TryReadScheme(ReadOnlySpan<char> value, [NotNullWhen(true)] out string? scheme, out ReadOnlySpan<char> rest)
    {
        var text = value.TrimStart(Whitespace);
        var length = 0;
        while (length < text.Length && IsTokenChar(text[length])) length++;
        rest = text[length..];
        // The scheme must be a whole token followed by whitespace or the end (RFC 3261 §25.1: scheme LWS params).
        if (length == 0 || (rest.Length > 0 && !IsWhitespace(rest[0])))
        {
            scheme = null;
            return false;
        }
        scheme = text[..length].ToString();
        return true;
    }

    public static bool TryParseParameters(
        ReadOnlySpan<char> text,
        [NotNullWhen(true)] out Dictionary<string, string>? parameters,
        [NotNullWhen(false)] out string? error)
    {
        var result = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        var position = 0;
        while (true)
        {
            position = SkipWhitespace(text, position);
            if (position == text.Length) break;
            // RFC 7235 §2.1 (#rule): empty list elements are tolerated.
            if (text[position] == ',')
            {
                position++;
                continue;
            }
            if (!TryReadParameter(text, ref position, out var name, out var value, out error))
            {
                parameters = null;
                return false;
            }
            // RFC 7616 §3.4: each directive appears at most once; a repeat makes the value ambiguous.
            if (!result.TryAdd(name, value))
            {
                parameters = null;
                error = $"parameter '{name}' appears twice";
                return false;
            }
            position = SkipWhitespace(text, position);
            if (position < text.Length && text[position] != ',')
            {
                parameters = null;
                error = $"expected ',' after parameter '{name}'";
                return false;
            }
        }
        if (result.Count == 0)
        {
            parameters = null;
            error = "no parameters";
            return false;
        }
        parameters = result;
        error = null;
        return true;
    }

    private static bool TryReadParameter(
        ReadOnlySpan<char> text, ref int position,
        [NotNullWhen(true)] out string? name, [NotNullWhen(true)] out string? value, [NotNullWhen(false)] out string? error)
    {
        value = null;
        var start = position;
        while (position < text.Length && IsTokenChar(text[position])) position++;
        if (position == start)
        {
            name = null;
            error = $"expected a parameter name at offset {start}";
            return false;
        }
        name = text[start..position].ToString();
        position = SkipWhitespace(text, position);
        if (position == text.Length || text[position] != '=')
        {
            error = $"parameter '{name}' has no '='";
            return false;
        }
        position = SkipWhitespace(text, position + 1);
        if (position < text.Length && text[position] == '"')
        {
            return TryReadQuoted(text, ref position, name, out value, out error);
        }
        start = position;
        while (position < text.Length && IsTokenChar(text[position])) position++;
        if (position == start)
        {
            error = $"parameter '{name}' has no value";
            return false;
        }
        value = text[start..position].ToString();
        error = null;
        return true;
    }

    private static bool TryReadQuoted(
        ReadOnlySpan<char> text, ref int position, string name,
        [NotNullWhen(true)] out string? value, [NotNullWhen(false)] out string? error)
    {
        var builder = new StringBuilder();
        for (position++; position < text.Length; position++)
        {
            var c = text[position];
            if (c == '"')
            {
                position++;
                value = builder.ToString();
                error = null;
                return true;
            }
            // RFC 3261 §25.1: quoted-pair = "\" (%x00-09 / %x0B-0C / %x0E-7F), i.e. never CR or LF.
            if (c == '\\')
            {
                if (position + 1 == text.Length || text[position + 1] is '\r' or '\n' or > '\x7f') break;
                c = text[++position];
            }
            builder.Append(c);
        }
        value = null;
        error = $"parameter '{name}' has an unterminated quoted string";
        return false;
    }

    private static int SkipWhitespace(ReadOnlySpan<char> text, int position)
    {
        while (position < text.Length && IsWhitespace(text[position])) position++;
        return position;
    }

    // LWS may include a folded line (CRLF followed by whitespace) if the SIP layer left it in.
    private static bool IsWhitespace(char c) => c is ' ' or '\t' or '\r' or '\n';

    private static ReadOnlySpan<char> Whitespace => " \t\r\n";

    /// <summary>RFC 3261 §25.1 token characters.</summary>
    private static bool IsTokenChar(char c) =>
        char.IsAsciiLetterOrDigit(c) || c is '-' or '.' or '!' or '%' or '*' or '_' or '+' or '`' or '\'' or '~';
}
