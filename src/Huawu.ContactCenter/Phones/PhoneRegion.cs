namespace Huawu.ContactCenter.Phones;

/// <summary>
/// How numbers are written inside one country: its E.164 calling code, the trunk prefix dialled before national
/// numbers (and whether E.164 keeps it, as Italy's landlines do), the international prefixes that may start a number
/// and, for a country on one clock, its IANA time zone.
/// </summary>
/// <param name="Code">ISO 3166-1 alpha-2 (<c>CN</c>, <c>US</c>).</param>
/// <param name="CountryCode">The E.164 country calling code, digits only (<c>86</c>).</param>
/// <param name="TrunkPrefix">Dialled before a national number inside the country (<c>0</c>, NANP <c>1</c>); empty when none.</param>
/// <param name="KeepsTrunkZero">The leading 0 is part of the number itself (Italy, San Marino, the Vatican).</param>
/// <param name="Zone">The IANA zone of a country on one clock; null where several clocks run (then the list's default applies).</param>
public sealed record PhoneRegion(string Code, string CountryCode, string TrunkPrefix, bool KeepsTrunkZero, string? Zone)
{
    /// <summary>ITU-T E.164 §6.1: a number has at most 15 digits, country code included.</summary>
    public const int MaxE164Digits = 15;

    /// <summary>The NANP's own international prefix (ITU-T E.164 Annex: national prefixes; NANPA).</summary>
    public bool IsNorthAmerican => CountryCode == "1";

    public override string ToString() => Code;
}
