using System.Collections.Frozen;
using System.Diagnostics.CodeAnalysis;

namespace Huawu.ContactCenter.Phones;

/// <summary>
/// The regions a list can default to. Calling codes from ITU-T E.164 (List of ITU-T Recommendation E.164 assigned
/// country codes); trunk prefixes from ITU-T E.164 Supplement / the national numbering plans (Italy, Spain, Portugal,
/// Poland, Denmark, Norway, Greece, Hong Kong, Macao and Singapore dial no trunk prefix); zones from the IANA tz database
/// (zone1970.tab). Countries spanning several zones (US, Canada, Australia…) have none here: North American numbers get
/// theirs from the area code (<see cref="Compliance.Zones.NorthAmericanZones"/>), the rest from the list's default.
/// </summary>
public static class PhoneRegions
{
    public static PhoneRegion China { get; } = new("CN", "86", "0", false, "Asia/Shanghai");

    public static PhoneRegion UnitedStates { get; } = new("US", "1", "1", false, null);

    public static PhoneRegion UnitedKingdom { get; } = new("GB", "44", "0", false, "Europe/London");

    private static readonly PhoneRegion[] Known =
    [
        China, UnitedStates, UnitedKingdom,
        new("CA", "1", "1", false, null),
        new("HK", "852", "", false, "Asia/Hong_Kong"),
        new("MO", "853", "", false, "Asia/Macau"),
        new("TW", "886", "0", false, "Asia/Taipei"),
        new("SG", "65", "", false, "Asia/Singapore"),
        new("MY", "60", "0", false, "Asia/Kuala_Lumpur"),
        new("JP", "81", "0", false, "Asia/Tokyo"),
        new("KR", "82", "0", false, "Asia/Seoul"),
        new("IN", "91", "0", false, "Asia/Kolkata"),
        new("AU", "61", "0", false, null),
        new("IE", "353", "0", false, "Europe/Dublin"),
        new("DE", "49", "0", false, "Europe/Berlin"),
        new("FR", "33", "0", false, "Europe/Paris"),
        new("IT", "39", "", true, "Europe/Rome"),
        new("ES", "34", "", false, "Europe/Madrid"),
        new("PT", "351", "", false, "Europe/Lisbon"),
        new("NL", "31", "0", false, "Europe/Amsterdam"),
        new("BE", "32", "0", false, "Europe/Brussels"),
        new("LU", "352", "", false, "Europe/Luxembourg"),
        new("AT", "43", "0", false, "Europe/Vienna"),
        new("CH", "41", "0", false, "Europe/Zurich"),
        new("DK", "45", "", false, "Europe/Copenhagen"),
        new("SE", "46", "0", false, "Europe/Stockholm"),
        new("NO", "47", "", false, "Europe/Oslo"),
        new("FI", "358", "0", false, "Europe/Helsinki"),
        new("PL", "48", "", false, "Europe/Warsaw"),
        new("CZ", "420", "", false, "Europe/Prague"),
        new("GR", "30", "", false, "Europe/Athens"),
        new("HU", "36", "06", false, "Europe/Budapest"),
        new("RO", "40", "0", false, "Europe/Bucharest"),
    ];

    private static readonly FrozenDictionary<string, PhoneRegion> ByCode =
        Known.ToFrozenDictionary(r => r.Code, StringComparer.OrdinalIgnoreCase);

    // NANP numbers belong to the US unless an area code says otherwise; every other calling code has one region here.
    private static readonly FrozenDictionary<string, PhoneRegion> ByCountryCode =
        Known.Where(r => r.Code != "CA").ToFrozenDictionary(r => r.CountryCode, StringComparer.Ordinal);

    public static IReadOnlyList<PhoneRegion> All => Known;

    public static bool TryFind(string? code, [NotNullWhen(true)] out PhoneRegion? region)
    {
        region = null;
        return code is not null && ByCode.TryGetValue(code.Trim(), out region);
    }

    /// <summary>The region of a calling code, when this table knows it (+1 answers the US).</summary>
    public static PhoneRegion? ForCountryCode(string countryCode) => ByCountryCode.GetValueOrDefault(countryCode);
}
