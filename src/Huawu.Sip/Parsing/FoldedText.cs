using System.Text;

namespace Huawu.Sip.Parsing;

/// <summary>
/// Header values may span folded lines (CRLF followed by white space). RFC 3261 §7.3.1 lets a recipient
/// replace such LWS by a single SP; we do so whenever a value leaves the buffer as text or is re-serialized.
/// </summary>
internal static class FoldedText
{
    public static string ToUnfoldedString(ReadOnlySpan<byte> value)
    {
        if (value.IndexOf((byte)'\r') < 0) return Encoding.UTF8.GetString(value);
        var buffer = value.Length <= 512 ? stackalloc byte[value.Length] : new byte[value.Length];
        var length = Unfold(value, buffer);
        return Encoding.UTF8.GetString(buffer[..length]);
    }

    /// <summary>The length of <paramref name="value"/> once each fold becomes a single SP.</summary>
    public static int UnfoldedLength(ReadOnlySpan<byte> value) => Unfold(value, Span<byte>.Empty, measureOnly: true);

    /// <summary>Copies <paramref name="value"/> with each fold (CRLF and the white space after it) made one SP.</summary>
    public static int Unfold(ReadOnlySpan<byte> value, Span<byte> destination) => Unfold(value, destination, measureOnly: false);

    private static int Unfold(ReadOnlySpan<byte> value, Span<byte> destination, bool measureOnly)
    {
        var written = 0;
        var index = 0;
        while (index < value.Length)
        {
            var cr = value[index..].IndexOf((byte)'\r');
            var run = cr < 0 ? value.Length - index : cr;
            if (!measureOnly) value.Slice(index, run).CopyTo(destination[written..]);
            written += run;
            index += run;
            if (cr < 0) break;

            var isFold = Lws.IsFold(value, index);
            if (!measureOnly) destination[written] = isFold ? (byte)' ' : (byte)'\r';
            written++;
            index = isFold ? Lws.Skip(value, index) : index + 1;
        }
        return written;
    }
}
