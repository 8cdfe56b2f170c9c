namespace Huawu.ContactCenter.Phones;

/// <summary>
/// Reads a phone number as people and spreadsheets write it — <c>138-1234-5678</c>, <c>(010) 6552 9988</c>,
/// <c>+86 21 6321 1234</c>, <c>0086…</c>, <c>(212) 555-0182</c>, <c>1-212-555-0182</c>, <c>011 44 20 7946 0958</c>,
/// <c>+44 (0)20 7946 0958</c>, full-width digits — into E.164, taking numbers without a country code to be in the list's
/// region. Anything that is not clearly one dialable number is refused with the reason.
/// </summary>
public static class PhoneNumberParser
{
    private const int MaxInputLength = 64;

    public static PhoneParse Parse(string? text, PhoneRegion region)
    {
        ArgumentNullException.ThrowIfNull(region);
        if (string.IsNullOrWhiteSpace(text)) return PhoneParse.Invalid(PhoneProblem.Missing);
        if (text.Length > MaxInputLength) return PhoneParse.Invalid(PhoneProblem.NotANumber);
        Span<char> buffer = stackalloc char[MaxInputLength];
        var problem = PhoneText.ExtractDigits(text, buffer, out var length, out var international);
        if (problem != PhoneProblem.None) return PhoneParse.Invalid(problem);
        ReadOnlySpan<char> digits = buffer[..length];
        if (international) return International(digits);
        if (InternationalPrefixLength(digits, region) is > 0 and var prefix) return International(digits[prefix..]);
        return National(digits, region);
    }

    /// <summary>ITU-T E.164 and E.123: 00 is the international prefix almost everywhere; the NANP dials 011.</summary>
    private static int InternationalPrefixLength(ReadOnlySpan<char> digits, PhoneRegion region)
    {
        if (region.IsNorthAmerican) return digits.StartsWith("011") ? 3 : 0;
        if (!digits.StartsWith("00")) return 0;
        // Hungary's trunk prefix is 06, so 00 stays international there too.
        return 2;
    }

    private static PhoneParse International(ReadOnlySpan<char> digits)
    {
        var codeLength = CountryCodes.LengthOf(digits);
        if (codeLength == 0) return PhoneParse.Invalid(digits.Length < 3 ? PhoneProblem.WrongLength : PhoneProblem.UnknownCountryCode);
        var countryCode = digits[..codeLength].ToString();
        var national = digits[codeLength..];
        // "+44 (0)20…" lost its brackets above; a trunk 0 written after the country code is not dialled (E.123 §2.5), except in Italy.
        if (national.StartsWith("0") && countryCode is not "39" and not "378" and not "379") national = national[1..];
        var problem = NationalNumbers.Check(countryCode, national);
        return problem == PhoneProblem.None ? PhoneParse.Valid(countryCode, national) : PhoneParse.Invalid(problem);
    }

    private static PhoneParse National(ReadOnlySpan<char> digits, PhoneRegion region)
    {
        var countryCode = region.CountryCode;
        // Chinese exports often carry the country code without '+' or 00: 86 138 1234 5678 is 13 digits no national number has.
        if (countryCode == "86" && digits.Length == 13 && digits.StartsWith("86") && digits[2] == '1' && digits[3] >= '3')
            return International(digits);
        var national = digits;
        if (region.TrunkPrefix.Length > 0 && national.StartsWith(region.TrunkPrefix) && !region.KeepsTrunkZero &&
            national.Length > (region.IsNorthAmerican ? 10 : region.TrunkPrefix.Length))
        {
            national = national[region.TrunkPrefix.Length..];
        }
        if (LooksLocal(national, region)) return PhoneParse.Invalid(PhoneProblem.MissingAreaCode);
        var problem = NationalNumbers.Check(countryCode, national);
        return problem == PhoneProblem.None ? PhoneParse.Valid(countryCode, national) : PhoneParse.Invalid(problem);
    }

    // A 7- or 8-digit Chinese landline, or a 7-digit North American one, was written for callers in its own area.
    private static bool LooksLocal(ReadOnlySpan<char> national, PhoneRegion region) =>
        (region.CountryCode == "86" && national.Length is 7 or 8 && national[0] is not ('0' or '1')) ||
        (region.IsNorthAmerican && national.Length == 7);
}
