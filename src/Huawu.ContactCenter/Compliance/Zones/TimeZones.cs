using NodaTime;

namespace Huawu.ContactCenter.Compliance.Zones;

/// <summary>
/// IANA time zones from the tz database NodaTime carries (not the host's): the same rules on every machine, container or test.
/// </summary>
public static class TimeZones
{
    public static bool Exists(string? zone) => zone is not null && DateTimeZoneProviders.Tzdb.GetZoneOrNull(zone) is not null;

    public static DateTimeZone? Find(string? zone) => zone is null ? null : DateTimeZoneProviders.Tzdb.GetZoneOrNull(zone);
}
