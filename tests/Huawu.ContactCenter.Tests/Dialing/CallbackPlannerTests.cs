using Huawu.ContactCenter.Campaigns;
using Huawu.ContactCenter.Compliance;
using Huawu.ContactCenter.Compliance.Holidays;
using Huawu.ContactCenter.Compliance.Rules;
using Huawu.ContactCenter.Dialing;
using Huawu.Testing;
using NodaTime;
using NodaTime.Extensions;

namespace Huawu.ContactCenter.Tests.Dialing;

public sealed class CallbackPlannerTests
{
    private static readonly DateTimeZone Shanghai = DateTimeZoneProviders.Tzdb["Asia/Shanghai"];
    private static readonly DateTimeZone NewYork = DateTimeZoneProviders.Tzdb["America/New_York"];

    // China's preset: 08:00-21:00 Beijing time, every day.
    private static readonly CalleeHours ChineseCallee = new(new CallingHours(CompliancePresets.Cn.Windows, null), [Shanghai]);

    private static readonly CallbackRules Rules = new() { DelaySeconds = 7200, MaxCallbacks = 2 };

    private static Instant? AlwaysOpen(Instant from) => from;

    private static DateTimeOffset Beijing(int day, int hour, int minute = 0) =>
        new LocalDateTime(2026, 1, day, hour, minute).InZoneStrictly(Shanghai).ToDateTimeOffset();

    [Fact]
    public void A_callback_after_the_delay_that_falls_at_22_00_in_the_callees_zone_is_moved_to_the_next_morning()
    {
        // Fake time: the call ends at 20:00 Beijing; two hours later is 22:00, after the 21:00 close.
        var time = new ManualTimeProvider(Beijing(5, 20));
        var plan = CallbackPlanner.Plan(new AskedCallback("busy"), 0, Rules, time.GetUtcNow(), ChineseCallee, AlwaysOpen);

        Assert.NotNull(plan);
        Assert.Equal(Beijing(6, 8), plan.At);
        Assert.Contains("moved into the calling hours", plan.Because, StringComparison.Ordinal);
    }

    [Fact]
    public void A_callback_inside_the_window_is_due_exactly_the_delay_after_the_call()
    {
        var time = new ManualTimeProvider(Beijing(5, 10, 30));
        var plan = CallbackPlanner.Plan(new AskedCallback("callback"), 1, Rules, time.GetUtcNow(), ChineseCallee, AlwaysOpen);
        Assert.Equal(Beijing(5, 12, 30), plan!.At);
        Assert.Equal("2 h after the call", plan.Because);
    }

    [Fact]
    public void The_day_the_callee_asked_for_starts_when_their_window_opens_that_day()
    {
        var ended = Beijing(5, 10); // Monday
        var plan = CallbackPlanner.Plan(new AskedCallback("busy", new DateOnly(2026, 1, 8)), 0, Rules, ended, ChineseCallee, AlwaysOpen);
        Assert.Equal(Beijing(8, 8), plan!.At);
        Assert.StartsWith("the callee asked for 2026-01-08", plan.Because, StringComparison.Ordinal);

        // "Today" (or a day already past) is no later day: the delay applies.
        var today = CallbackPlanner.Plan(new AskedCallback("busy", new DateOnly(2026, 1, 5)), 0, Rules, ended, ChineseCallee, AlwaysOpen);
        Assert.Equal(Beijing(5, 12), today!.At);
    }

    [Fact]
    public void A_time_of_day_said_with_the_day_is_kept_and_one_outside_the_window_waits_for_it()
    {
        var ended = Beijing(5, 10);
        var afternoon = CallbackPlanner.Plan(new AskedCallback("busy", new DateOnly(2026, 1, 6), new TimeOnly(15, 0)), 0, Rules, ended, ChineseCallee, AlwaysOpen);
        Assert.Equal((Beijing(6, 15), "the callee asked for 2026-01-06 15:00"), (afternoon!.At, afternoon.Because));
        // "今天下午五点" said at 10:00: later today is a time asked for, not the delay.
        var today = CallbackPlanner.Plan(new AskedCallback("busy", new DateOnly(2026, 1, 5), new TimeOnly(17, 0)), 0, Rules, ended, ChineseCallee, AlwaysOpen);
        Assert.Equal(Beijing(5, 17), today!.At);
        // "明晚十点": after China's 21:00 close, so the next morning.
        var late = CallbackPlanner.Plan(new AskedCallback("busy", new DateOnly(2026, 1, 6), new TimeOnly(22, 0)), 0, Rules, ended, ChineseCallee, AlwaysOpen);
        Assert.Equal(Beijing(7, 8), late!.At);
    }

    [Fact]
    public void The_callees_day_is_read_in_their_zone_and_every_zone_they_may_be_in_must_be_open()
    {
        // A US callee whose area code spans New York and Chicago: 8 a.m.-9 p.m. in both, so 09:00 New York time (08:00 Chicago).
        var chicago = DateTimeZoneProviders.Tzdb["America/Chicago"];
        var callee = new CalleeHours(new CallingHours(CompliancePresets.Us.Windows, HolidayCalendars.Find(HolidayCalendars.UnitedStates)), [NewYork, chicago]);
        var ended = new LocalDateTime(2026, 1, 6, 20, 30).InZoneStrictly(NewYork).ToDateTimeOffset(); // 20:30 New York, Tuesday
        var plan = CallbackPlanner.Plan(new AskedCallback("busy"), 0, Rules, ended, callee, AlwaysOpen);
        Assert.Equal(new LocalDateTime(2026, 1, 7, 9, 0).InZoneStrictly(NewYork).ToDateTimeOffset(), plan!.At);
    }

    [Fact]
    public void The_campaigns_schedule_and_the_callees_window_must_both_be_open()
    {
        // The campaign calls weekdays 14:00-18:00 Beijing time; a callback due Friday 19:00 waits for Monday 14:00.
        var schedule = new CallingHours(WindowText.Parse("mon-fri 14:00-18:00", out _)!, null);
        var ended = Beijing(9, 17); // Friday 17:00
        var plan = CallbackPlanner.Plan(new AskedCallback("busy"), 0, Rules, ended, ChineseCallee, from => schedule.NextOpen(from, Shanghai));
        Assert.Equal(Beijing(12, 14), plan!.At);
    }

    [Fact]
    public void Outcomes_that_ask_for_nothing_and_numbers_that_had_their_callbacks_get_none()
    {
        var ended = Beijing(5, 10);
        Assert.Null(CallbackPlanner.Plan(new AskedCallback("not_interested"), 0, Rules, ended, ChineseCallee, AlwaysOpen));
        Assert.Null(CallbackPlanner.Plan(new AskedCallback("busy"), 2, Rules, ended, ChineseCallee, AlwaysOpen));
        // The list is the campaign's: a script's own outcome can ask for a callback, and busy can be taken off.
        var own = new CallbackRules { Outcomes = ["call_later"] };
        Assert.NotNull(CallbackPlanner.Plan(new AskedCallback("call_later"), 0, own, ended, ChineseCallee, AlwaysOpen));
        Assert.Null(CallbackPlanner.Plan(new AskedCallback("busy"), 0, own, ended, ChineseCallee, AlwaysOpen));
    }
}
