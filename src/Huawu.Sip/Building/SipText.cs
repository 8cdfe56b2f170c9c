using System.Text;
using Huawu.Sip.Parsing;

namespace Huawu.Sip.Building;

/// <summary>Guards for text handed to the builder: a CR or LF in a value would inject headers.</summary>
internal static class SipText
{
    public static void EnsureSingleLine(string value, string parameterName)
    {
        ArgumentNullException.ThrowIfNull(value, parameterName);
        if (value.AsSpan().IndexOfAny('\r', '\n') >= 0)
        {
            throw new ArgumentException("A SIP header value or start-line element cannot contain CR or LF.", parameterName);
        }
    }

    public static void EnsureToken(string value, string parameterName)
    {
        ArgumentException.ThrowIfNullOrEmpty(value, parameterName);
        var bytes = Encoding.UTF8.GetBytes(value);
        if (bytes.AsSpan().IndexOfAnyExcept(SipCharacters.Token) >= 0)
        {
            throw new ArgumentException($"'{value}' is not a SIP token (RFC 3261 §25.1).", parameterName);
        }
    }

    /// <summary>quoted-string for a display name: '"' and '\' escaped as quoted-pairs (RFC 3261 §25.1).</summary>
    public static string Quote(string text)
    {
        EnsureSingleLine(text, nameof(text));
        var builder = new StringBuilder(text.Length + 2).Append('"');
        foreach (var c in text)
        {
            if (c is '"' or '\\') builder.Append('\\');
            builder.Append(c);
        }
        return builder.Append('"').ToString();
    }
}
