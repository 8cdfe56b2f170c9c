namespace Huawu.Sip.Parsing;

/// <summary>Linear white space as RFC 3261 §25.1 defines it: LWS = [*WSP CRLF] 1*WSP, SWS = [LWS].</summary>
internal static class Lws
{
    /// <summary>Skips SWS starting at <paramref name="index"/>, including folded line breaks (CRLF followed by WSP).</summary>
    public static int Skip(ReadOnlySpan<byte> text, int index)
    {
        while (index < text.Length)
        {
            var b = text[index];
            if (SipCharacters.IsWhitespace(b))
            {
                index++;
            }
            else if (b == '\r' && IsFold(text, index))
            {
                index += 3;
            }
            else
            {
                break;
            }
        }
        return index;
    }

    /// <summary>The end of <paramref name="text"/>[start..end) with trailing white space and folds removed.</summary>
    public static int TrimEnd(ReadOnlySpan<byte> text, int start, int end)
    {
        while (end > start)
        {
            var b = text[end - 1];
            if (SipCharacters.IsWhitespace(b) || b is (byte)'\r' or (byte)'\n') end--;
            else break;
        }
        return end;
    }

    /// <summary>Whether a CR at <paramref name="index"/> starts a header fold: CRLF followed by SP or HTAB.</summary>
    public static bool IsFold(ReadOnlySpan<byte> text, int index) =>
        index + 2 < text.Length && text[index + 1] == '\n' && SipCharacters.IsWhitespace(text[index + 2]);
}
