namespace Huawu.Sip.Parsing;

/// <summary>The separators of comma lists in header values: element *(COMMA element), COMMA = SWS "," SWS.</summary>
internal static class ListSyntax
{
    /// <summary>
    /// After an element: true with <paramref name="more"/> set when a COMMA follows, true with it clear at the
    /// end of the value, false when anything else follows (RFC 4475 §3.1.2.1 "badinv01").
    /// </summary>
    /// <summary>Whether only white space is left: the value held exactly one element.</summary>
    public static bool IsAtEnd(ref SipReader reader)
    {
        reader.SkipWhitespace();
        return reader.AtEnd;
    }

    public static bool TryReadSeparator(ref SipReader reader, out bool more)
    {
        reader.SkipWhitespace();
        if (reader.AtEnd)
        {
            more = false;
            return true;
        }
        more = reader.TryConsume((byte)',');
        reader.SkipWhitespace();
        return more && !reader.AtEnd;
    }
}
