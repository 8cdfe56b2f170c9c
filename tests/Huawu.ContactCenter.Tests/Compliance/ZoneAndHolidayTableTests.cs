using Huawu.ContactCenter.Compliance.Holidays;
using Huawu.ContactCenter.Compliance.Rules;
using Huawu.ContactCenter.Compliance.Zones;
using NodaTime;

namespace Huawu.ContactCenter.Tests.Compliance;

public sealed class ZoneAndHolidayTableTests
{
    [Fact]
    public void Every_area_code_maps_to_zones_the_tz_database_has()
    {
        Assert.True(NorthAmericanZones.AreaCodes.Count() > 400);
        foreach (var code in NorthAmericanZones.AreaCodes)
        {
            Assert.Matches("^[2-9][0-9][0-9]$", code);
            Assert.DoesNotMatch("^.11$", code); // N11 are service codes (NANP)
            var (_, zones) = NorthAmericanZones.Find(code)!.Value;
            Assert.All(zones, zone => Assert.True(TimeZones.Exists(zone), $"{code}: {zone}"));
        }
    }

    [Theory]
    [InlineData("+12125550182", "US", "America/New_York")]
    [InlineData("+13125550182", "US", "America/Chicago")]
    [InlineData("+13035550182", "US", "America/Denver")]
    [InlineData("+16025550182", "US", "America/Phoenix")]
    [InlineData("+14155550182", "US", "America/Los_Angeles")]
    [InlineData("+19075550182", "US", "America/Anchorage")]
    [InlineData("+18085550182", "US", "Pacific/Honolulu")]
    [InlineData("+17875550182", "US", "America/Puerto_Rico")]
    [InlineData("+16045550182", "CA", "America/Vancouver")]
    [InlineData("+15145550182", "CA", "America/Toronto")]
    [InlineData("+18765550182", "JM", "America/Jamaica")]
    [InlineData("+8613812345678", "CN", "Asia/Shanghai")]
    [InlineData("+442079460958", "GB", "Europe/London")]
    [InlineData("+33123456789", "FR", "Europe/Paris")]
    public void A_number_tells_its_country_and_zone(string e164, string country, string zone)
    {
        var located = CalleeLocator.Locate(e164, null, DateTimeZone.Utc)!;
        Assert.Equal((country, zone), (located.Country, Assert.Single(located.Zones).Id));
    }

    [Fact]
    public void US_federal_holidays_2026_with_the_observed_Friday_for_a_Saturday_fourth_of_July()
    {
        var us = HolidayCalendars.Find(HolidayCalendars.UnitedStates)!;
        var days = Enumerable.Range(0, 365).Select(d => new LocalDate(2026, 1, 1).PlusDays(d)).Where(us.IsHoliday).ToList();
        Assert.Equal(
        [
            new(2026, 1, 1), new(2026, 1, 19), new(2026, 2, 16), new(2026, 5, 25), new(2026, 6, 19), new(2026, 7, 3), new(2026, 7, 4),
            new(2026, 9, 7), new(2026, 10, 12), new(2026, 11, 11), new(2026, 11, 26), new(2026, 12, 25),
        ], days);
    }

    [Fact]
    public void French_holidays_follow_Easter_and_Chinese_ones_the_State_Council_notice()
    {
        var france = HolidayCalendars.Find(HolidayCalendars.France)!;
        // Easter 2026 is 5 April: Easter Monday the 6th, Ascension 14 May, Whit Monday 25 May.
        Assert.True(france.IsHoliday(new LocalDate(2026, 4, 6)) && france.IsHoliday(new LocalDate(2026, 5, 14)) && france.IsHoliday(new LocalDate(2026, 5, 25)));
        Assert.False(france.IsHoliday(new LocalDate(2026, 4, 5 + 2)));
        var china = HolidayCalendars.Find(HolidayCalendars.China)!;
        Assert.Equal(9, Enumerable.Range(0, 20).Count(d => china.IsHoliday(new LocalDate(2026, 2, 10).PlusDays(d)))); // 15-23 February
        Assert.False(china.IsHoliday(new LocalDate(2026, 2, 14))); // a make-up working Saturday
    }

    [Fact]
    public void Windows_read_and_write_the_settings_text()
    {
        var windows = WindowText.Parse("mon-fri 10:00-13:00,14:00-20:00; sat 10:00-12:00; sun 09:00-24:00", out var error)!;
        Assert.Null(error);
        Assert.Equal(4, windows.Count);
        Assert.Equal("mon-fri 10:00-13:00,14:00-20:00; sat 10:00-12:00; sun 09:00-24:00", WindowText.Format(windows));
        Assert.Equal("daily 08:00-21:00", WindowText.Format(CompliancePresets.Cn.Windows));
        Assert.Null(WindowText.Parse("weekdays 9-5", out error));
        Assert.NotNull(error);
        Assert.Null(WindowText.Parse("mon 18:00-09:00", out _));
    }
}
