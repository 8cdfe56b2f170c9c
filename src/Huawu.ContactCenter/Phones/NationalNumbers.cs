namespace Huawu.ContactCenter.Phones;

/// <summary>
/// Checks a national significant number (the digits after the country code) against its country's numbering plan:
/// exactly for China, North America and the UK, by E.164 length elsewhere.
/// </summary>
internal static class NationalNumbers
{
    // The shortest E.164 number accepted: shorter ones exist only on small islands, and the store refuses them too.
    public const int MinE164Digits = 8;

    public static PhoneProblem Check(string countryCode, ReadOnlySpan<char> national)
    {
        if (national.Length == 0 || national.Length + countryCode.Length is < MinE164Digits or > PhoneRegion.MaxE164Digits)
            return PhoneProblem.WrongLength;
        return countryCode switch
        {
            "86" => China(national),
            "1" => NorthAmerica(national),
            "44" => UnitedKingdom(national),
            _ => national[0] == '0' && countryCode != "39" ? PhoneProblem.InvalidForCountry : PhoneProblem.None,
        };
    }

    /// <summary>
    /// MIIT numbering plan (电信网编号计划, 2017): mobiles 1[3-9]x xxxx xxxx; Beijing 10 and the 2x cities have two-digit area
    /// codes and 8-digit numbers; other area codes have three digits and 7- or 8-digit numbers; 400/800 service numbers are 10 digits.
    /// </summary>
    public static PhoneProblem China(ReadOnlySpan<char> national)
    {
        if (national[0] == '1')
        {
            if (national.Length < 2) return PhoneProblem.WrongLength;
            if (national[1] >= '3') return national.Length == 11 ? PhoneProblem.None : PhoneProblem.WrongLength;
            if (national[1] == '0') return national.Length == 10 ? PhoneProblem.None : PhoneProblem.WrongLength;
            return PhoneProblem.InvalidForCountry;
        }
        if (national[0] == '2') return national.Length == 10 ? PhoneProblem.None : PhoneProblem.WrongLength;
        return national.Length is 10 or 11 ? PhoneProblem.None : PhoneProblem.WrongLength;
    }

    /// <summary>NANP (ATIS-0300076, NANP numbering plan): NXX-NXX-XXXX with N = 2-9; N11 codes are service codes, not areas.</summary>
    public static PhoneProblem NorthAmerica(ReadOnlySpan<char> national)
    {
        if (national.Length != 10) return PhoneProblem.WrongLength;
        if (national[0] < '2' || national[3] < '2') return PhoneProblem.InvalidForCountry;
        return national[1] == '1' && national[2] == '1' ? PhoneProblem.InvalidForCountry : PhoneProblem.None;
    }

    /// <summary>Ofcom National Telephone Numbering Plan: 9 or 10 digits after the 0; no numbers start 04 or 06.</summary>
    public static PhoneProblem UnitedKingdom(ReadOnlySpan<char> national)
    {
        if (national.Length is not (9 or 10)) return PhoneProblem.WrongLength;
        return national[0] is '0' or '4' or '6' ? PhoneProblem.InvalidForCountry : PhoneProblem.None;
    }
}
