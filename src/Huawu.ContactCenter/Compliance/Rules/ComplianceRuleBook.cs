using Huawu.ContactCenter.Compliance.Holidays;
using Huawu.ContactCenter.Compliance.Zones;
using NodaTime;

namespace Huawu.ContactCenter.Compliance.Rules;

/// <summary>
/// A tenant's rules: every preset with the tenant's changes, the holiday calendars with the tenant's added dates, the default preset
/// (for callees no preset is specific to) and the default zone (for callees whose number and list do not tell).
/// </summary>
public sealed class ComplianceRuleBook(IReadOnlyDictionary<string, ComplianceRules> presets, IReadOnlyDictionary<string, HolidayCalendar> calendars,
    string defaultPreset, DateTimeZone defaultZone)
{
    public static ComplianceRuleBook Defaults { get; } = new(
        CompliancePresets.All.ToDictionary(r => r.Preset, StringComparer.Ordinal),
        HolidayCalendars.BuiltInIds.ToDictionary(id => id, id => HolidayCalendars.Find(id)!, StringComparer.Ordinal),
        CompliancePresets.China, TimeZones.Find("Asia/Shanghai")!);

    public IReadOnlyDictionary<string, ComplianceRules> Presets { get; } = presets;

    public IReadOnlyDictionary<string, HolidayCalendar> Calendars { get; } = calendars;

    public string DefaultPreset { get; } = defaultPreset;

    public DateTimeZone DefaultZone { get; } = defaultZone;

    public ComplianceRules RulesFor(CalleeLocation callee)
    {
        ArgumentNullException.ThrowIfNull(callee);
        var preset = CompliancePresets.ForCountry(callee.Country, callee.CountryCode) ?? DefaultPreset;
        return Presets.TryGetValue(preset, out var rules) ? rules : Presets[DefaultPreset];
    }

    public HolidayCalendar? Calendar(string? id) => id is null ? null : Calendars.GetValueOrDefault(id);
}
