using Huawu.ContactCenter.Phones;
using NodaTime;

namespace Huawu.ContactCenter.Compliance.Zones;

/// <summary>
/// Finds a callee's zones from their E.164 number: China (+86) is one zone; North American numbers by area code; other countries on
/// one clock by country; anything else takes the list's zone, else the tenant's default.
/// </summary>
public static class CalleeLocator
{
    public static CalleeLocation? Locate(string e164, string? listZone, DateTimeZone defaultZone)
    {
        ArgumentNullException.ThrowIfNull(e164);
        ArgumentNullException.ThrowIfNull(defaultZone);
        if (e164.Length < 4 || e164[0] != '+') return null;
        var digits = e164.AsSpan(1);
        var codeLength = CountryCodes.LengthOf(digits);
        if (codeLength == 0) return null;
        var countryCode = digits[..codeLength].ToString();
        if (countryCode == "1" && digits.Length >= 4 && NorthAmericanZones.Find(digits[1..4].ToString()) is { } area)
            return new CalleeLocation(area.Country, countryCode, [.. area.Zones.Select(z => TimeZones.Find(z)!)], "area_code");
        var region = PhoneRegions.ForCountryCode(countryCode);
        // An unknown North American area code is still the NANP: the US reading of the rules, the list's clock.
        var country = countryCode == "1" ? "US" : region?.Code;
        if (region?.Zone is { } zone && TimeZones.Find(zone) is { } countryZone) return new CalleeLocation(country, countryCode, [countryZone], "country");
        if (TimeZones.Find(listZone) is { } fromList) return new CalleeLocation(country, countryCode, [fromList], "list");
        return new CalleeLocation(country, countryCode, [defaultZone], "default");
    }
}
