using System.Diagnostics.CodeAnalysis;
using System.Text;

namespace Huawu.Data.Protection;

/// <summary>
/// Turns a phone number as people and spreadsheets write it into E.164 (<c>+8613812345678</c>), the one form
/// blind indexes are computed over, so "138-1234-5678", "+86 138 1234 5678" and "008613812345678" are the same
/// person to a do-not-call check. Numbers without a country code are taken to be in the default country;
/// a leading 0 there is the national trunk prefix. Anything that is not clearly one number is refused.
/// </summary>
public sealed class PhoneNumberNormalizer
{
    private const int MaxE164Digits = 15; // ITU-T E.164 §6.1
    private const int MinE164Digits = 8;
    private const string China = "86";

    public PhoneNumberNormalizer(string defaultCountryCode = China)
    {
        if (string.IsNullOrEmpty(defaultCountryCode) || defaultCountryCode.Length > 3 || defaultCountryCode[0] == '0' ||
            !defaultCountryCode.All(char.IsAsciiDigit))
        {
            throw new ArgumentException("A country calling code is 1-3 digits, not starting with 0.", nameof(defaultCountryCode));
        }
        DefaultCountryCode = defaultCountryCode;
    }

    public string DefaultCountryCode { get; }

    public bool TryNormalize([NotNullWhen(true)] string? input, [NotNullWhen(true)] out string? e164)
    {
        e164 = null;
        if (input is null || !TryExtractDigits(input, out var digits, out var international)) return false;
        if (!international)
        {
            if (digits.StartsWith("00", StringComparison.Ordinal))
            {
                digits = digits[2..]; // the international call prefix used in China and most of the world
            }
            else if (DefaultCountryCode == China && digits.Length == 13 && digits.StartsWith("861", StringComparison.Ordinal))
            {
                // "8613812345678": a Chinese mobile with its country code but no '+', common in exports.
            }
            else if (digits.StartsWith('0'))
            {
                digits = DefaultCountryCode + digits[1..]; // national trunk prefix
            }
            else if (DefaultCountryCode == China && !IsChineseNationalWithoutTrunkPrefix(digits))
            {
                return false; // a landline without its area code cannot be dialed from elsewhere
            }
            else
            {
                digits = DefaultCountryCode + digits;
            }
        }
        if (digits.Length is < MinE164Digits or > MaxE164Digits || digits[0] == '0') return false;
        if (digits.StartsWith(China, StringComparison.Ordinal) && !IsPlausibleChinese(digits[China.Length..])) return false;
        e164 = "+" + digits;
        return true;
    }

    // Mobiles (1[3-9]x xxxx xxxx) and the 400/800 service numbers are dialed without a trunk prefix.
    private static bool IsChineseNationalWithoutTrunkPrefix(string digits) =>
        IsChineseMobile(digits) ||
        (digits.Length == 10 && (digits.StartsWith("400", StringComparison.Ordinal) || digits.StartsWith("800", StringComparison.Ordinal)));

    // Beijing's area code 10 also starts with 1: only 1[3-9] is a mobile, which has exactly 11 digits.
    private static bool IsPlausibleChinese(string national) =>
        national.Length > 1 && (national[0] == '1' && national[1] >= '3' ? IsChineseMobile(national) : national.Length is >= 9 and <= 11);

    private static bool IsChineseMobile(string national) => national.Length == 11 && national[0] == '1' && national[1] >= '3';

    private static bool TryExtractDigits(string input, out string digits, out bool international)
    {
        international = false;
        digits = "";
        // "+44 (0)20 7946 0000": the bracketed trunk prefix is not dialed internationally.
        var text = input.Contains('+', StringComparison.Ordinal) || input.Contains('\uFF0B', StringComparison.Ordinal)
            ? input.Replace("(0)", "", StringComparison.Ordinal).Replace("\uFF080\uFF09", "", StringComparison.Ordinal)
            : input;
        var builder = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            if (char.IsAsciiDigit(c)) builder.Append(c);
            else if (c is >= '\uFF10' and <= '\uFF19') builder.Append((char)('0' + (c - '\uFF10'))); // full-width digits
            else if (c is '+' or '\uFF0B' && builder.Length == 0 && !international) international = true;
            else if (!IsSeparator(c)) return false;
        }
        digits = builder.ToString();
        return digits.Length > 0;
    }

    private static bool IsSeparator(char c) => c is ' ' or '\t' or '\u00A0' or '\u3000' or '-' or '\u2010' or '\u2013' or '.' or '/'
        or '(' or ')' or '\uFF08' or '\uFF09' or '\uFF0D';
}
