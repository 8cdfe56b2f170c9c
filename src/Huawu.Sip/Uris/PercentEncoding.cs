using System.Text;
using Huawu.Sip.Parsing;

namespace Huawu.Sip.Uris;

/// <summary>escaped = "%" HEXDIG HEXDIG (RFC 3261 §25.1), validated and decoded on demand.</summary>
public static class PercentEncoding
{
    /// <summary>Whether every '%' in <paramref name="text"/> starts a complete escape.</summary>
    public static bool IsWellFormed(ReadOnlySpan<byte> text)
    {
        var index = text.IndexOf((byte)'%');
        while (index >= 0)
        {
            if (index + 2 >= text.Length) return false;
            if (!SipCharacters.IsHexDigit(text[index + 1]) || !SipCharacters.IsHexDigit(text[index + 2])) return false;
            var next = text[(index + 3)..].IndexOf((byte)'%');
            index = next < 0 ? -1 : index + 3 + next;
        }
        return true;
    }

    /// <summary>Decodes escapes and reads the result as UTF-8 ("%6C%72" → "lr", "%00" → "\0").</summary>
    public static string Decode(ReadOnlySpan<byte> text)
    {
        if (text.IndexOf((byte)'%') < 0) return Encoding.UTF8.GetString(text);
        var buffer = text.Length <= 256 ? stackalloc byte[text.Length] : new byte[text.Length];
        var length = 0;
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == '%' && i + 2 < text.Length && SipCharacters.IsHexDigit(text[i + 1]) && SipCharacters.IsHexDigit(text[i + 2]))
            {
                buffer[length++] = (byte)((HexValue(text[i + 1]) << 4) | HexValue(text[i + 2]));
                i += 2;
            }
            else
            {
                buffer[length++] = text[i];
            }
        }
        return Encoding.UTF8.GetString(buffer[..length]);
    }

    private static int HexValue(byte digit) => SipCharacters.IsDigit(digit) ? digit - '0' : (digit | 0x20) - 'a' + 10;
}
