using Huawu.ContactCenter.Campaigns;
using Huawu.ContactCenter.Compliance;
using NodaTime;
using NodaTime.Extensions;

namespace Huawu.ContactCenter.Dialing;

/// <param name="At">The time promised: when the number is due again (the gate still decides the call then).</param>
/// <param name="Because">Why this time, in words, for the attempt's record.</param>
public sealed record CallbackPlan(DateTimeOffset At, string Because);

/// <summary>
/// When a callback the robot promised happens: on the day the callee asked for (at the time of day they said, else from the first minute
/// the calling window opens then),
/// else <see cref="CallbackRules.DelaySeconds"/> after the call; then moved to the first instant the callee's calling window (in all
/// their zones, holidays closed) and the campaign's schedule are both open — a callback promised at 22:00 happens the next morning.
/// </summary>
public static class CallbackPlanner
{
    // The callee's window and the campaign's schedule are searched in turn until both agree; each step moves forward, so a few suffice.
    private const int MaxAlignSteps = 16;

    /// <returns>Null when the outcome asks for no callback, or the number has had its callbacks (the outcome is then final).</returns>
    public static CallbackPlan? Plan(AskedCallback request, int callbacksSoFar, CallbackRules rules, DateTimeOffset endedAt, CalleeHours callee,
        Func<Instant, Instant?> campaignOpens)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(rules);
        ArgumentNullException.ThrowIfNull(callee);
        ArgumentNullException.ThrowIfNull(campaignOpens);
        if (!rules.Outcomes.Contains(request.Outcome, StringComparer.Ordinal) || callbacksSoFar >= rules.MaxCallbacks) return null;
        var ended = endedAt.ToInstant();
        var delayed = ended + Duration.FromSeconds(rules.DelaySeconds);
        // The callee's day is read in their (first) zone: "tomorrow" said at 23:30 in Beijing is Beijing's tomorrow.
        var zone = callee.Zones.Count > 0 ? callee.Zones[0] : DateTimeZone.Utc;
        // A day without a time starts at midnight, so "today" alone is no later time: the delay applies.
        var asked = request.RequestedDate is { } day
            ? (LocalDate.FromDateOnly(day) + LocalTime.FromTimeOnly(request.RequestedTime ?? TimeOnly.MinValue)).InZoneLeniently(zone).ToInstant()
            : (Instant?)null;
        var (wanted, because) = asked is { } at && at > ended
            ? (at, $"the callee asked for {request.RequestedDate:yyyy-MM-dd}{(request.RequestedTime is { } time ? $" {time:HH:mm}" : "")}")
            : (delayed, $"{Hours(rules.DelaySeconds)} after the call");
        return Align(wanted, callee, campaignOpens) is { } opens
            ? new CallbackPlan(opens.ToDateTimeOffset(), opens == wanted ? because : $"{because}, moved into the calling hours")
            : new CallbackPlan(wanted.ToDateTimeOffset(), $"{because}; the calling hours never open (the gate will refuse it)");
    }

    private static Instant? Align(Instant from, CalleeHours callee, Func<Instant, Instant?> campaignOpens)
    {
        var candidate = from;
        for (var step = 0; step < MaxAlignSteps; step++)
        {
            if (callee.NextOpen(candidate) is not { } calleeOpen || campaignOpens(calleeOpen) is not { } bothOpen) return null;
            if (bothOpen == calleeOpen) return bothOpen;
            candidate = bothOpen;
        }
        return null;
    }

    private static string Hours(int seconds) =>
        seconds % 3600 == 0 ? $"{seconds / 3600} h" : $"{seconds / 60} min";
}
