using Huawu.ContactCenter.Compliance.Holidays;
using NodaTime;

namespace Huawu.ContactCenter.Compliance.Rules;

/// <summary>
/// Whether calling windows are open at an instant in every one of a callee's zones (holidays closed), and when they next are.
/// Shared by the gate (the law, in the callee's local time) and campaign schedules (the campaign's own hours, in its zone).
/// </summary>
public sealed class CallingHours(IReadOnlyList<CallingWindow> windows, HolidayCalendar? holidays)
{
    // Zones a few hours apart with short windows may never overlap: after this many moves forward the search gives up (about two weeks).
    private const int MaxSearchSteps = 64;
    private const int MaxDaysAhead = 400;

    public IReadOnlyList<CallingWindow> Windows { get; } = windows;

    public bool IsOpen(Instant instant, DateTimeZone zone) => IsOpen(instant.InZone(zone).LocalDateTime);

    public bool IsOpenEverywhere(Instant instant, IReadOnlyList<DateTimeZone> zones) => zones.All(zone => IsOpen(instant, zone));

    public bool IsHolidayAnywhere(Instant instant, IReadOnlyList<DateTimeZone> zones) =>
        holidays is not null && zones.Any(zone => holidays.IsHoliday(instant.InZone(zone).Date));

    /// <summary>The first instant at or after <paramref name="from"/> when every zone is open; null if none within a year.</summary>
    public Instant? NextOpenEverywhere(Instant from, IReadOnlyList<DateTimeZone> zones)
    {
        var candidate = from;
        for (var step = 0; step < MaxSearchSteps; step++)
        {
            if (IsOpenEverywhere(candidate, zones)) return candidate;
            Instant? latest = null;
            foreach (var zone in zones)
            {
                if (NextOpen(candidate, zone) is not { } opens) return null;
                if (latest is null || opens > latest) latest = opens;
            }
            // Every zone is open at its own next opening; if the latest of them is still the candidate, some zone closes then: step past.
            candidate = latest!.Value > candidate ? latest.Value : candidate + Duration.FromMinutes(1);
        }
        return null;
    }

    /// <summary>The first instant at or after <paramref name="from"/> when <paramref name="zone"/> is open; null if none within a year.</summary>
    public Instant? NextOpen(Instant from, DateTimeZone zone)
    {
        var local = from.InZone(zone).LocalDateTime;
        if (IsOpen(local)) return from;
        for (var day = 0; day < MaxDaysAhead; day++)
        {
            var date = local.Date.PlusDays(day);
            if (holidays?.IsHoliday(date) == true) continue;
            foreach (var window in Windows.Where(w => w.Days.Contains(date.DayOfWeek)).OrderBy(w => w.Start))
            {
                var start = date + window.Start;
                if (start < local) continue;
                // A start inside a daylight-saving gap begins when the clocks have moved on (tz "lenient" resolution).
                return Instant.Max(from, start.InZoneLeniently(zone).ToInstant());
            }
        }
        return null;
    }

    private bool IsOpen(LocalDateTime local) => holidays?.IsHoliday(local.Date) != true && Windows.Any(w => w.Contains(local));
}
