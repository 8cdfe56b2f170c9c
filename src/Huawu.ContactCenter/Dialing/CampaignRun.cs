using Huawu.ContactCenter.Campaigns;
using Huawu.ContactCenter.Compliance.Holidays;
using Huawu.ContactCenter.Compliance.Rules;
using Huawu.ContactCenter.Compliance.Zones;
using Huawu.Data.Campaigns;
using NodaTime;
using NodaTime.Extensions;

namespace Huawu.ContactCenter.Dialing;

/// <summary>
/// A running campaign as the dialer loop holds it: its rules, schedule and zone, its lists' zones, a rate limiter per trunk, and the
/// turn of trunks and caller IDs. Touched only by the loop; calls in flight are counted apart (<see cref="InFlight"/>), by campaign.
/// </summary>
internal sealed class CampaignRun
{
    private readonly TrunkRateLimiter[] _limiters;
    private readonly CallingHours _schedule;
    private int _nextTrunk;
    private int _nextCallerId;

    public CampaignRun(Campaign campaign, CampaignSettings settings, IReadOnlyDictionary<long, string?> listZones, InFlightCount inFlight,
        string defaultZone, TimeProvider time)
    {
        Campaign = campaign;
        Settings = settings;
        ListZones = listZones;
        InFlight = inFlight;
        Zone = ZoneOf(settings, defaultZone);
        _schedule = ScheduleOf(settings);
        _limiters = [.. settings.Trunks.Select(_ => new TrunkRateLimiter(settings.Limits.CallsPerSecondPerTrunk, time))];
    }

    public Campaign Campaign { get; }

    public long Id => Campaign.Id;

    public CampaignSettings Settings { get; }

    public IReadOnlyDictionary<long, string?> ListZones { get; }

    public InFlightCount InFlight { get; }

    public DateTimeZone Zone { get; }

    public DateTimeOffset ProgressReportedAt { get; set; } = DateTimeOffset.MinValue;

    public bool IsScheduled(DateTimeOffset now) => _schedule.IsOpen(now.ToInstant(), Zone);

    /// <summary>The first instant at or after <paramref name="from"/> inside the campaign's schedule; null if none within a year.</summary>
    public Instant? NextScheduled(Instant from) => _schedule.NextOpen(from, Zone);

    /// <summary>The campaign's schedule: its windows (none open when unreadable) and its holiday calendar.</summary>
    public static CallingHours ScheduleOf(CampaignSettings settings) =>
        new(WindowText.Parse(settings.Schedule.Windows, out _) ?? [], settings.Schedule.Holidays is { } calendar ? HolidayCalendars.Find(calendar) : null);

    /// <summary>The zone the campaign's schedule is read in: its own, else the dialer's default, else UTC.</summary>
    public static DateTimeZone ZoneOf(CampaignSettings settings, string defaultZone) =>
        TimeZones.Find(settings.Schedule.TimeZone) ?? TimeZones.Find(defaultZone) ?? DateTimeZone.Utc;

    /// <summary>Calls the trunks' rate limits allow now, all trunks together.</summary>
    public int CallsAllowedNow => _limiters.Sum(l => l.Available);

    /// <summary>The next trunk in turn that may start a call now (taking its token), or null.</summary>
    public string? TakeTrunk()
    {
        for (var i = 0; i < _limiters.Length; i++)
        {
            var index = (_nextTrunk + i) % _limiters.Length;
            if (!_limiters[index].TryTake()) continue;
            _nextTrunk = (index + 1) % _limiters.Length;
            return Settings.Trunks[index];
        }
        return null;
    }

    public string? NextCallerId()
    {
        if (Settings.CallerIds.Count == 0) return null;
        var callerId = Settings.CallerIds[_nextCallerId % Settings.CallerIds.Count];
        _nextCallerId++;
        return callerId;
    }
}

/// <summary>A campaign's calls in flight on this node, shared by the loop and the calls' own tasks.</summary>
internal sealed class InFlightCount
{
    private int _value;

    public int Value => Volatile.Read(ref _value);

    public void Increment() => Interlocked.Increment(ref _value);

    public void Decrement() => Interlocked.Decrement(ref _value);
}
