using Huawu.ContactCenter.Compliance.Zones;
using Huawu.ContactCenter.Phones;
using Huawu.Data.Contacts;

namespace Huawu.ContactCenter.Imports;

/// <summary>
/// The list an import goes into, by name: the existing one (whose region stays as created), or a new one with the region and
/// time zone given. Answers the list and the region its numbers are read in, or why not.
/// </summary>
public static class ImportLists
{
    public static async Task<(ContactList? List, PhoneRegion? Region, string? Error)> ResolveAsync(IContactRepository contacts, string name,
        string? regionCode, string? timeZone, PhoneRegion defaultRegion, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(contacts);
        ArgumentNullException.ThrowIfNull(defaultRegion);
        if (string.IsNullOrWhiteSpace(name)) return (null, null, "--list: a name is required");
        PhoneRegion? asked = null;
        if (regionCode is not null && !PhoneRegions.TryFind(regionCode, out asked))
            return (null, null, $"--region: '{regionCode}' is not one of {string.Join(", ", PhoneRegions.All.Select(r => r.Code))}");
        if (timeZone is not null && !TimeZones.Exists(timeZone)) return (null, null, $"--zone: '{timeZone}' is not an IANA time zone (e.g. Asia/Shanghai)");
        if (await contacts.FindListAsync(name, cancellation) is { } existing)
        {
            var stored = existing.Region is { } code && PhoneRegions.TryFind(code, out var known) ? known : defaultRegion;
            if (asked is not null && asked != stored)
                return (null, null, $"--region: list '{name}' reads numbers as {stored.Code}; leave --region out or import into another list");
            return (existing, stored, null);
        }
        var region = asked ?? defaultRegion;
        return (await contacts.CreateListAsync(name, region.Code, timeZone, cancellation), region, null);
    }
}
