using System.Globalization;
using System.Text;

namespace Huawu.Data.Protection;

/// <summary>
/// Shows just enough of a personal value for a person to recognize it, for API responses, logs and exports
/// of users who may not see it whole: <c>138****5678</c>, <c>张*</c>, <c>110***********123X</c>.
/// </summary>
public static class Masking
{
    private const char Star = '*';

    public static string Mask(DataClass dataClass, string? value) => value is null ? "" : dataClass switch
    {
        DataClass.PhoneNumber => Phone(value),
        DataClass.PersonName => Name(value),
        DataClass.IdNumber => IdNumber(value),
        _ => "****", // free text (notes, transcripts, variables) shows nothing at all
    };

    /// <summary>
    /// Keeps the first three and last four digits of the national number; a Chinese E.164 number shows as
    /// the national form (<c>+8613812345678</c> → <c>138****5678</c>), any other keeps its '+'.
    /// </summary>
    public static string Phone(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        var international = value.TrimStart().StartsWith('+');
        var digits = string.Concat(value.Where(char.IsAsciiDigit));
        var prefix = "";
        if (international && digits.StartsWith("86", StringComparison.Ordinal) && digits.Length > 11) digits = digits[2..];
        else if (international) prefix = "+";
        if (digits.Length <= 7) return prefix + new string(Star, digits.Length);
        return prefix + digits[..3] + new string(Star, digits.Length - 7) + digits[^4..];
    }

    /// <summary>
    /// Chinese names keep the surname's first character (<c>欧阳建国</c> → <c>欧***</c>); other names keep
    /// each word's initial with a fixed-width mask, which hides the length.
    /// </summary>
    public static string Name(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        var trimmed = value.Trim();
        if (trimmed.Length == 0) return "";
        if (!trimmed.Contains(' ', StringComparison.Ordinal) && IsCjk(trimmed[0]))
        {
            var elements = new StringInfo(trimmed);
            return elements.SubstringByTextElements(0, 1) + new string(Star, Math.Max(1, elements.LengthInTextElements - 1));
        }
        var masked = new StringBuilder();
        foreach (var word in trimmed.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            if (masked.Length > 0) masked.Append(' ');
            masked.Append(StringInfo.GetNextTextElement(word)).Append(Star, 3);
        }
        return masked.ToString();
    }

    /// <summary>Keeps the first three and last four characters (region and check digit stay readable).</summary>
    public static string IdNumber(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        var compact = BlindIndex.NormalizeIdNumber(value);
        return compact.Length <= 8 ? new string(Star, compact.Length) : compact[..3] + new string(Star, compact.Length - 7) + compact[^4..];
    }

    private static bool IsCjk(char c) => c is >= '\u4E00' and <= '\u9FFF' or >= '\u3400' and <= '\u4DBF';
}
