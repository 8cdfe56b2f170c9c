using System.Globalization;
using Huawu.ContactCenter.Compliance.Holidays;
using Huawu.ContactCenter.Compliance.Zones;
using Huawu.Data.Settings;
using NodaTime;
using NodaTime.Text;

namespace Huawu.ContactCenter.Compliance.Rules;

/// <summary>
/// Reads a tenant's changes to the presets from settings (<c>PUT /api/v1/settings/{key}</c>):
/// <list type="bullet">
/// <item><c>compliance.default_preset</c> (cn, us, ca, uk, eu) and <c>compliance.default_zone</c> (an IANA zone);</item>
/// <item><c>compliance.&lt;preset&gt;.windows</c> (<c>mon-fri 10:00-13:00,14:00-20:00; sat 10:00-12:00</c>), <c>.holidays</c> (a calendar or
/// none), <c>.cap_5m</c>/<c>.cap_24h</c>/<c>.cap_30d</c> (a count or none), <c>.consent</c> (<c>robot:marketing,human:marketing</c> or none),
/// <c>.consent_purpose</c>, <c>.caller_id_required</c> (true/false);</item>
/// <item><c>compliance.holidays.&lt;calendar&gt;</c>: dates added to a calendar (or a new one): <c>2027-01-01, 2027-02-05..2027-02-11</c>.</item>
/// </list>
/// A value that does not parse is reported and the preset's value kept.
/// </summary>
public static class ComplianceSettings
{
    public const string Prefix = "compliance.";
    private static readonly LocalDatePattern Date = LocalDatePattern.Iso;

    public static async Task<(ComplianceRuleBook Book, IReadOnlyList<string> Problems)> LoadAsync(ISettingsRepository settings,
        CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var all = await settings.AllAsync(cancellation);
        return Apply(all.Where(pair => pair.Key.StartsWith(Prefix, StringComparison.Ordinal)));
    }

    public static (ComplianceRuleBook Book, IReadOnlyList<string> Problems) Apply(IEnumerable<KeyValuePair<string, string>> values)
    {
        var defaults = ComplianceRuleBook.Defaults;
        var presets = defaults.Presets.ToDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal);
        var calendars = defaults.Calendars.ToDictionary(c => c.Key, c => c.Value, StringComparer.Ordinal);
        var defaultPreset = defaults.DefaultPreset;
        var defaultZone = defaults.DefaultZone;
        var problems = new List<string>();
        foreach (var (key, value) in values.OrderBy(v => v.Key, StringComparer.Ordinal))
        {
            var name = key[Prefix.Length..];
            string? problem = null;
            if (name == "default_preset")
            {
                if (presets.ContainsKey(value.Trim())) defaultPreset = value.Trim();
                else problem = $"one of {string.Join(", ", presets.Keys)}";
            }
            else if (name == "default_zone")
            {
                if (TimeZones.Find(value.Trim()) is { } zone) defaultZone = zone;
                else problem = "an IANA time zone, e.g. Asia/Shanghai";
            }
            else if (name.StartsWith("holidays.", StringComparison.Ordinal))
            {
                var id = name["holidays.".Length..];
                if (ParseDates(value, out problem) is { } dates)
                    calendars[id] = calendars.TryGetValue(id, out var calendar) ? calendar.With(dates) : new HolidayCalendar(id, _ => [], dates);
            }
            else if (name.Split('.') is [var preset, var field] && presets.TryGetValue(preset, out var rules))
            {
                if (Change(rules, field, value, out problem) is { } changed) presets[preset] = changed;
            }
            else
            {
                problem = "not a compliance setting";
            }
            if (problem is not null) problems.Add($"{key}: {problem}");
        }
        foreach (var rules in presets.Values.Where(r => r.HolidayCalendar is { } id && !calendars.ContainsKey(id)))
            problems.Add($"{Prefix}{rules.Preset}.holidays: no calendar '{rules.HolidayCalendar}'");
        return (new ComplianceRuleBook(presets, calendars, defaultPreset, defaultZone), problems);
    }

    private static ComplianceRules? Change(ComplianceRules rules, string field, string value, out string? problem)
    {
        problem = null;
        var text = value.Trim();
        switch (field)
        {
            case "windows":
                return WindowText.Parse(text, out problem) is { } windows ? rules with { Windows = windows } : null;
            case "holidays":
                return rules with { HolidayCalendar = text is "" or "none" ? null : text };
            case "cap_5m" or "cap_24h" or "cap_30d":
                if (!TryParseCap(text, out var cap))
                {
                    problem = "a whole number of calls (1 or more), or none";
                    return null;
                }
                return field switch
                {
                    "cap_5m" => rules with { MaxPer5Minutes = cap },
                    "cap_24h" => rules with { MaxPer24Hours = cap },
                    _ => rules with { MaxPer30Days = cap },
                };
            case "consent":
                return ParseConsent(text, out problem) is { } required ? rules with { ConsentRequired = required } : null;
            case "consent_purpose":
                if (text.Length == 0) problem = "a purpose name";
                return text.Length == 0 ? null : rules with { ConsentPurpose = text };
            case "caller_id_required":
                if (bool.TryParse(text, out var callerId)) return rules with { CallerIdRequired = callerId };
                problem = "true or false";
                return null;
            default:
                problem = "not a rule (windows, holidays, cap_5m, cap_24h, cap_30d, consent, consent_purpose, caller_id_required)";
                return null;
        }
    }

    /// <summary>The settings that would reproduce <paramref name="rules"/> (what <c>huawu compliance show</c> and the API print).</summary>
    public static IReadOnlyList<KeyValuePair<string, string>> Describe(ComplianceRules rules)
    {
        ArgumentNullException.ThrowIfNull(rules);
        var prefix = Prefix + rules.Preset + ".";
        return
        [
            new(prefix + "windows", WindowText.Format(rules.Windows)),
            new(prefix + "holidays", rules.HolidayCalendar ?? "none"),
            new(prefix + "cap_5m", FormatCap(rules.MaxPer5Minutes)),
            new(prefix + "cap_24h", FormatCap(rules.MaxPer24Hours)),
            new(prefix + "cap_30d", FormatCap(rules.MaxPer30Days)),
            new(prefix + "consent", rules.ConsentRequired.Count == 0 ? "none"
                : string.Join(",", rules.ConsentRequired.OrderBy(c => c.Kind).ThenBy(c => c.Purpose).Select(c => $"{Name(c.Kind)}:{Name(c.Purpose)}"))),
            new(prefix + "consent_purpose", rules.ConsentPurpose),
            new(prefix + "caller_id_required", rules.CallerIdRequired ? "true" : "false"),
        ];
    }

    private static string FormatCap(int? cap) => cap?.ToString(CultureInfo.InvariantCulture) ?? "none";

    private static string Name(CallKind kind) => kind == CallKind.Robot ? "robot" : "human";

    private static string Name(CallPurpose purpose) => purpose == CallPurpose.Marketing ? "marketing" : "service";

    private static bool TryParseCap(string text, out int? cap)
    {
        cap = null;
        if (text == "none") return true;
        if (!int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var count) || count < 1) return false;
        cap = count;
        return true;
    }

    private static HashSet<(CallKind, CallPurpose)>? ParseConsent(string text, out string? problem)
    {
        problem = null;
        var required = new HashSet<(CallKind, CallPurpose)>();
        if (text == "none") return required;
        foreach (var item in text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (item.Split(':') is not [var kind, var purpose] || kind is not ("robot" or "human") || purpose is not ("marketing" or "service"))
            {
                problem = $"'{item}': expected robot|human:marketing|service, comma-separated, or none";
                return null;
            }
            required.Add((kind == "robot" ? CallKind.Robot : CallKind.Human, purpose == "marketing" ? CallPurpose.Marketing : CallPurpose.Service));
        }
        return required;
    }

    private static List<LocalDate>? ParseDates(string text, out string? problem)
    {
        problem = null;
        var dates = new List<LocalDate>();
        foreach (var item in text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var range = item.Split("..");
            if (range.Length > 2 || !Date.Parse(range[0]).TryGetValue(default, out var first) || !Date.Parse(range[^1]).TryGetValue(default, out var last) ||
                last < first || Period.Between(first, last, PeriodUnits.Days).Days > 366)
            {
                problem = $"'{item}': expected yyyy-MM-dd or yyyy-MM-dd..yyyy-MM-dd (at most a year)";
                return null;
            }
            for (var day = first; day <= last; day = day.PlusDays(1)) dates.Add(day);
        }
        return dates;
    }
}
