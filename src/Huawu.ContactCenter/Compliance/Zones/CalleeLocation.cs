using NodaTime;

namespace Huawu.ContactCenter.Compliance.Zones;

/// <summary>
/// Where a callee is, as far as their number tells: the country (ISO code, when known), its calling code, and the time zones the
/// calling window must be open in — several when the number's area straddles a zone line.
/// </summary>
/// <param name="ZoneSource">How the zones were found: <c>area_code</c>, <c>country</c>, <c>list</c> or <c>default</c>.</param>
public sealed record CalleeLocation(string? Country, string CountryCode, IReadOnlyList<DateTimeZone> Zones, string ZoneSource);
