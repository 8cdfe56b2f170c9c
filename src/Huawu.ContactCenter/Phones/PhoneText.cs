namespace Huawu.ContactCenter.Phones;

/// <summary>The digits of a written number, with the separators people and spreadsheets put between them taken out.</summary>
internal static class PhoneText
{
    /// <summary>
    /// Copies the digits (full-width ones too) into <paramref name="digits"/>; a leading '+' makes the number international.
    /// "(0)" after an international code is dropped by the caller's rules (E.123 §2.5), so its brackets are separators here.
    /// </summary>
    public static PhoneProblem ExtractDigits(ReadOnlySpan<char> text, Span<char> digits, out int length, out bool international)
    {
        length = 0;
        international = false;
        var trimmed = text.Trim();
        if (trimmed.StartsWith("tel:", StringComparison.OrdinalIgnoreCase)) trimmed = trimmed[4..]; // RFC 3966
        for (var i = 0; i < trimmed.Length; i++)
        {
            var c = trimmed[i];
            if (char.IsAsciiDigit(c)) digits[length++] = c;
            else if (c is >= '\uFF10' and <= '\uFF19') digits[length++] = (char)('0' + (c - '\uFF10'));
            else if (c is '+' or '\uFF0B' && length == 0 && !international) international = true;
            else if (IsExtensionMarker(trimmed, i)) return length == 0 ? PhoneProblem.NotANumber : PhoneProblem.HasExtension;
            else if (!IsSeparator(c)) return PhoneProblem.NotANumber;
        }
        return length == 0 ? PhoneProblem.Missing : PhoneProblem.None;
    }

    // "转" (transfer), "ext", "x", '#', ',' and ';' (RFC 3966 ;ext= and dialler pauses) introduce an extension.
    private static bool IsExtensionMarker(ReadOnlySpan<char> text, int at)
    {
        var c = text[at];
        if (c is '\u8F6C' or '#' or ',' or ';' or 'x' or 'X') return true;
        return text[at..].StartsWith("ext", StringComparison.OrdinalIgnoreCase);
    }

    private static bool IsSeparator(char c) => c is ' ' or '\t' or '\u00A0' or '\u3000' or '-' or '\u2010' or '\u2011' or '\u2012'
        or '\u2013' or '\u2014' or '\uFF0D' or '.' or '/' or '(' or ')' or '\uFF08' or '\uFF09' or '[' or ']';
}
