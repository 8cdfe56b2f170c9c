namespace Huawu.Speech.Tts.Reading;

/// <summary>
/// The pieces of a written number: its sign, its integer digits (thousands separators dropped), its fraction
/// digits; or, for digit strings and telephone numbers, the digit groups the writer separated.
/// </summary>
internal static class NumberText
{
    /// <summary>Splits "-1,234.50" into sign, "1234" and "50"; false when it is not a plain decimal number.</summary>
    public static bool TryParseDecimal(string value, out bool negative, out string integer, out string fraction)
    {
        var text = value.Trim();
        negative = text.StartsWith('-') || text.StartsWith('−');
        if (negative || text.StartsWith('+')) text = text[1..];
        var point = text.IndexOf('.', StringComparison.Ordinal);
        integer = (point < 0 ? text : text[..point]).Replace(",", "", StringComparison.Ordinal);
        fraction = point < 0 ? "" : text[(point + 1)..];
        return integer.Length > 0 && integer.All(char.IsAsciiDigit) && fraction.All(char.IsAsciiDigit) && (point < 0 || fraction.Length > 0);
    }

    /// <summary>
    /// The digit groups of a telephone number or digit string: the writer's own grouping (spaces, dashes, dots,
    /// parentheses) when there is one, otherwise <paramref name="defaultGrouping"/> applied to the run of digits.
    /// A leading <c>+</c> is reported separately (the international prefix). Empty when there is no digit.
    /// </summary>
    public static List<string> DigitGroups(string value, Func<string, int[]> defaultGrouping, out bool international)
    {
        var trimmed = value.Trim();
        international = trimmed.StartsWith('+');
        var groups = new List<string>();
        var current = new System.Text.StringBuilder();
        foreach (var c in trimmed)
        {
            if (char.IsAsciiDigit(c))
            {
                current.Append(c);
            }
            else if (current.Length > 0)
            {
                groups.Add(current.ToString());
                current.Clear();
            }
        }
        if (current.Length > 0) groups.Add(current.ToString());
        if (groups.Count != 1) return groups;
        var digits = groups[0];
        var split = new List<string>();
        var at = 0;
        foreach (var length in defaultGrouping(digits))
        {
            split.Add(digits.Substring(at, length));
            at += length;
        }
        if (at < digits.Length) split.Add(digits[at..]);
        return split;
    }

    /// <summary>
    /// How an ungrouped number is usually said: a Chinese mobile number (11 digits, starting with 1) as 3-4-4; a
    /// Chinese landline with its area code (0 then 10/11 digits) with the code apart (010 and 02x are three digits,
    /// other codes four); a North American number (10 digits) as 3-3-4; a local number of 7 or 8 digits as 3-4 or 4-4.
    /// </summary>
    public static int[] TelephoneGrouping(string digits) => digits.Length switch
    {
        11 when digits[0] == '1' => [3, 4, 4],
        11 or 12 when digits[0] == '0' => digits[1] is '1' or '2' ? [3] : [4],
        10 => [3, 3, 4],
        8 => [4, 4],
        7 => [3, 4],
        _ => [],
    };
}
