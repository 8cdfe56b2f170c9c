using System.Text;

namespace Huawu.Sip.Parsing;

/// <summary>Materializes the text of a quoted-string: quoted-pairs unescaped, folds replaced by a space.</summary>
internal static class QuotedString
{
    public static string Unescape(ReadOnlySpan<byte> content)
    {
        if (content.IndexOfAny((byte)'\\', (byte)'\r') < 0) return Encoding.UTF8.GetString(content);
        var buffer = content.Length <= 256 ? stackalloc byte[content.Length] : new byte[content.Length];
        var length = 0;
        for (var i = 0; i < content.Length; i++)
        {
            var b = content[i];
            if (b == '\\' && i + 1 < content.Length)
            {
                buffer[length++] = content[++i];
            }
            else if (b == '\r' && Lws.IsFold(content, i))
            {
                // RFC 3261 §7.3.1: a fold is equivalent to a single SP.
                buffer[length++] = (byte)' ';
                i = Lws.Skip(content, i) - 1;
            }
            else
            {
                buffer[length++] = b;
            }
        }
        return Encoding.UTF8.GetString(buffer[..length]);
    }
}
