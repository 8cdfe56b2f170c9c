using Huawu.ContactCenter.Compliance;
using Huawu.ContactCenter.Compliance.Rules;
using Huawu.ContactCenter.Tests.Support;

namespace Huawu.ContactCenter.Tests.Compliance;

/// <summary>Calling windows and holidays in the callee's local time, on fake time (the rig starts Monday 2026-01-05).</summary>
public sealed class CallingWindowTests
{
    private static DateTimeOffset Utc(int month, int day, int hour, int minute = 0) => new(2026, month, day, hour, minute, 0, TimeSpan.Zero);

    [Fact]
    public async Task China_is_one_zone_open_08_to_21_Beijing_time()
    {
        await using var rig = await GateRig.CreateAsync();
        rig.At(2026, 1, 5, 12, 59); // 20:59 in Beijing (UTC+8)
        Assert.True((await rig.DecideAsync("+8613812345678")).Allowed);
        rig.At(2026, 1, 5, 13, 0);  // 21:00: closed; opens 08:00 Beijing = 00:00 UTC
        var refused = await rig.DecideAsync("+8613900000001");
        Assert.Equal((GateRules.CallingHours, Utc(1, 6, 0)), (refused.Rule, refused.RetryAt));
        Assert.False(refused.IsFinal);
        // Ürümqi keeps Beijing time for this purpose: the law reads one zone for all of China.
        Assert.Equal(GateRules.CallingHours, (await rig.DecideAsync("+86 991 1234567")).Rule);
    }

    [Fact]
    public async Task North_American_numbers_follow_their_area_codes_zone()
    {
        await using var rig = await GateRig.CreateAsync();
        rig.At(2026, 1, 5, 13, 30); // 08:30 in New York, 07:30 in Chicago, 05:30 in Los Angeles (winter)
        Assert.True((await rig.DecideAsync("+1 212 555 0182", CallKind.Human)).Allowed);
        var losAngeles = await rig.DecideAsync("+1 415 555 0100", CallKind.Human);
        Assert.Equal((GateRules.CallingHours, Utc(1, 5, 16)), (losAngeles.Rule, losAngeles.RetryAt));
        var toronto = await rig.DecideAsync("+1 416 555 0100", CallKind.Human); // Canada: weekdays from 09:00
        Assert.Equal((GateRules.CallingHours, Utc(1, 5, 14)), (toronto.Rule, toronto.RetryAt));
    }

    [Fact]
    public async Task An_area_code_across_a_zone_line_is_called_only_when_open_in_every_zone()
    {
        await using var rig = await GateRig.CreateAsync();
        rig.At(2026, 1, 5, 13, 30); // Tallahassee (Eastern) 08:30, Pensacola (Central) 07:30
        var morning = await rig.DecideAsync("+1 850 555 0100", CallKind.Human);
        Assert.Equal((GateRules.CallingHours, Utc(1, 5, 14)), (morning.Rule, morning.RetryAt));
        rig.At(2026, 1, 6, 1, 59);  // 20:59 Eastern, 19:59 Central
        Assert.True((await rig.DecideAsync("+1 850 555 0101", CallKind.Human)).Allowed);
        rig.At(2026, 1, 6, 2, 0);   // 21:00 Eastern: closed until 08:00 Central (14:00 UTC) when both are open
        var evening = await rig.DecideAsync("+1 850 555 0102", CallKind.Human);
        Assert.Equal((GateRules.CallingHours, Utc(1, 6, 14)), (evening.Rule, evening.RetryAt));
    }

    [Fact]
    public async Task A_number_that_does_not_tell_its_zone_takes_the_lists_then_the_tenants_default()
    {
        await using var rig = await GateRig.CreateAsync();
        await rig.SetAsync("compliance.default_preset", "us");
        rig.At(2026, 1, 6, 4, 30); // 08:30 in Dubai (UTC+4), 12:30 in Shanghai
        Assert.True((await rig.DecideAsync("+971 4 123 4567", CallKind.Human, listZone: "Asia/Dubai")).Allowed);
        rig.At(2026, 1, 6, 13, 30); // 17:30 Dubai, 21:30 Shanghai (the default zone)
        Assert.True((await rig.DecideAsync("+971 4 123 4568", CallKind.Human, listZone: "Asia/Dubai")).Allowed);
        var byDefault = await rig.DecideAsync("+971 4 123 4569", CallKind.Human);
        Assert.Equal((GateRules.CallingHours, Utc(1, 7, 0)), (byDefault.Rule, byDefault.RetryAt));
    }

    [Fact]
    public async Task Holidays_close_the_day_where_the_callee_is()
    {
        await using var rig = await GateRig.CreateAsync();
        // EU rules (France's décret 2022-1313): Friday 1 May 2026 is a jour férié; the next window is Monday 10:00 Paris (08:00 UTC).
        rig.At(2026, 5, 1, 9, 0);
        var mayDay = await rig.DecideAsync("+33 1 23 45 67 89");
        Assert.Equal((GateRules.Holiday, Utc(5, 4, 8)), (mayDay.Rule, mayDay.RetryAt));
        // A tenant closes Chinese holidays too (the State Council's notice for 2026): calls resume 6 May, 08:00 Beijing.
        await rig.SetAsync("compliance.cn.holidays", "cn");
        rig.At(2026, 5, 4, 2, 0); // within 1-5 May, Labour Day
        var labourDay = await rig.DecideAsync("+8613812345678");
        Assert.Equal((GateRules.Holiday, Utc(5, 6, 0)), (labourDay.Rule, labourDay.RetryAt));
        // Dates a tenant adds before Huawu ships the next year's notice.
        await rig.SetAsync("compliance.holidays.cn", "2027-02-05..2027-02-11");
        rig.At(2027, 2, 8, 2, 0);
        var springFestival = await rig.DecideAsync("+8613812345678");
        Assert.Equal((GateRules.Holiday, new DateTimeOffset(2027, 2, 12, 0, 0, 0, TimeSpan.Zero)), (springFestival.Rule, springFestival.RetryAt));
    }

    [Fact]
    public async Task A_tenants_windows_replace_the_presets_and_a_bad_setting_keeps_the_preset()
    {
        await using var rig = await GateRig.CreateAsync();
        await rig.SetAsync("compliance.cn.windows", "mon-fri 09:00-12:00,14:00-18:00");
        await rig.SetAsync("compliance.cn.cap_24h", "lots");
        rig.At(2026, 1, 6, 4, 30); // Tuesday 12:30 Beijing: lunch
        var lunch = await rig.DecideAsync("+8613812345678");
        Assert.Equal((GateRules.CallingHours, Utc(1, 6, 6)), (lunch.Rule, lunch.RetryAt));
        Assert.Equal(["compliance.cn.cap_24h: a whole number of calls (1 or more), or none"], rig.Rules.Problems);
        Assert.Equal(5, (await rig.Rules.CurrentAsync()).Presets["cn"].MaxPer24Hours);
    }

    [Fact]
    public void The_next_opening_skips_closed_days_and_daylight_saving_gaps()
    {
        var rules = CompliancePresets.Us;
        var hours = new CallingHours(rules.Windows, null);
        var newYork = NodaTime.DateTimeZoneProviders.Tzdb["America/New_York"];
        // 2026-03-08: clocks go from 02:00 to 03:00 in New York. At 22:00 EST the 7th, the next opening is 08:00 EDT (12:00 UTC).
        var opens = hours.NextOpen(NodaTime.Instant.FromUtc(2026, 3, 8, 3, 0), newYork);
        Assert.Equal(NodaTime.Instant.FromUtc(2026, 3, 8, 12, 0), opens);
        var never = new CallingHours([], null);
        Assert.Null(never.NextOpen(NodaTime.Instant.FromUtc(2026, 3, 8, 3, 0), newYork));
    }
}
