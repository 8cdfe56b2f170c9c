using Huawu.ContactCenter.Compliance.Holidays;
using Huawu.ContactCenter.Compliance.Rules;
using Huawu.ContactCenter.Compliance.Zones;
using Huawu.ContactCenter.Phones;

namespace Huawu.ContactCenter.Campaigns;

/// <summary>Checks a campaign's definition against the node's trunks and the rules' formats, field by field.</summary>
public static class CampaignValidator
{
    public const int MaxConcurrentLimit = 1000;
    public const double MaxCallsPerSecond = 200;

    public static IReadOnlyList<CampaignProblem> Check(CampaignDefinition definition, IReadOnlyCollection<string> knownTrunks)
    {
        ArgumentNullException.ThrowIfNull(definition);
        ArgumentNullException.ThrowIfNull(knownTrunks);
        var problems = new List<CampaignProblem>();
        void Problem(string field, string message) => problems.Add(new CampaignProblem(field, message));
        var settings = definition.Settings;
        if (string.IsNullOrWhiteSpace(definition.Name) || definition.Name.Length > 100 || definition.Name.Any(char.IsControl))
            Problem("name", "1-100 characters on one line");
        if (definition.ListIds.Count == 0) Problem("lists", "at least one contact list");
        if (settings.Trunks.Count == 0) Problem("trunks", "at least one trunk");
        foreach (var trunk in settings.Trunks.Where(t => !knownTrunks.Contains(t, StringComparer.OrdinalIgnoreCase)))
            Problem("trunks", $"no trunk is named '{trunk}' (configured: {(knownTrunks.Count == 0 ? "none" : string.Join(", ", knownTrunks))})");
        foreach (var callerId in settings.CallerIds.Where(c => !PhoneNumberParser.Parse(c, PhoneRegions.China).IsValid && !PhoneNumberParser.Parse(c, PhoneRegions.UnitedStates).IsValid))
            Problem("caller_ids", $"'{callerId}' is not a phone number");
        if (WindowText.Parse(settings.Schedule.Windows, out var windowError) is null) Problem("schedule.windows", windowError!);
        if (settings.Schedule.Holidays is { } calendar && HolidayCalendars.Find(calendar) is null)
            Problem("schedule.holidays", $"one of {string.Join(", ", HolidayCalendars.BuiltInIds)}");
        if (settings.Schedule.TimeZone is { } zone && !TimeZones.Exists(zone)) Problem("schedule.time_zone", "an IANA time zone, e.g. Asia/Shanghai");
        if (settings.Limits.MaxConcurrent is < 1 or > MaxConcurrentLimit) Problem("limits.max_concurrent", $"1 to {MaxConcurrentLimit}");
        if (settings.Limits.CallsPerSecondPerTrunk is <= 0 or > MaxCallsPerSecond || double.IsNaN(settings.Limits.CallsPerSecondPerTrunk))
            Problem("limits.calls_per_second_per_trunk", $"more than 0, at most {MaxCallsPerSecond}");
        if (settings.Limits.RingTimeoutSeconds is < 5 or > 300) Problem("limits.ring_timeout_seconds", "5 to 300");
        foreach (var (name, rule) in new[] { ("busy", settings.Retries.Busy), ("no_answer", settings.Retries.NoAnswer), ("failed", settings.Retries.Failed) })
        {
            if (rule.DelaySeconds < 0) Problem($"retries.{name}.delay_seconds", "0 or more");
            if (rule.MaxAttempts is < 1 or > 20) Problem($"retries.{name}.max_attempts", "1 to 20");
        }
        if (settings.Callbacks.DelaySeconds is < 60 or > 30 * 86400) Problem("callbacks.delay_seconds", "60 to 2592000 (30 days)");
        if (settings.Callbacks.MaxCallbacks is < 0 or > 10) Problem("callbacks.max_callbacks", "0 (never promise a callback) to 10");
        if (settings.Callbacks.Outcomes.Any(o => string.IsNullOrWhiteSpace(o) || o is CampaignOutcome.Answered or CampaignOutcome.NoAnswer or CampaignOutcome.Failed or CampaignOutcome.Blocked))
            Problem("callbacks.outcomes", "the robot's outcomes (busy, callback, or a script's own), not the dialer's answered, no_answer, failed or blocked");
        if (settings.Prompt is { } prompt && !File.Exists(prompt)) Problem("prompt", $"no such file: {prompt}");
        return problems;
    }
}
