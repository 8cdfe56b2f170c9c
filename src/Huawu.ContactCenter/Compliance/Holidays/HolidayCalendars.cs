using System.Collections.Frozen;
using NodaTime;

namespace Huawu.ContactCenter.Compliance.Holidays;

/// <summary>
/// The built-in calendars: <c>cn</c> (the State Council's annual notices), <c>us</c> (federal holidays, 5 U.S.C. § 6103, with the
/// observed Friday or Monday of Executive Order 11582) and <c>fr</c> (jours fériés, Code du travail art. L3133-1). Tenants add
/// dates to these or define their own with <c>compliance.holidays.&lt;id&gt;</c> settings.
/// </summary>
public static class HolidayCalendars
{
    public const string China = "cn", UnitedStates = "us", France = "fr";

    private static readonly FrozenDictionary<string, HolidayCalendar> BuiltIn = new Dictionary<string, HolidayCalendar>(StringComparer.Ordinal)
    {
        [China] = new(China, ChinaNotices.Year),
        [UnitedStates] = new(UnitedStates, UnitedStatesFederal),
        [France] = new(France, FrenchPublicHolidays),
    }.ToFrozenDictionary(StringComparer.Ordinal);

    public static IEnumerable<string> BuiltInIds => BuiltIn.Keys;

    public static HolidayCalendar? Find(string id) => BuiltIn.GetValueOrDefault(id);

    /// <summary>5 U.S.C. § 6103(a), and (b) as applied by E.O. 11582: a Saturday holiday is observed on Friday, a Sunday one on Monday.</summary>
    private static IEnumerable<LocalDate> UnitedStatesFederal(int year)
    {
        LocalDate[] fixedDays = [new(year, 1, 1), new(year, 6, 19), new(year, 7, 4), new(year, 11, 11), new(year, 12, 25)];
        foreach (var day in fixedDays)
        {
            yield return day;
            if (day.DayOfWeek == IsoDayOfWeek.Saturday) yield return day.PlusDays(-1);
            if (day.DayOfWeek == IsoDayOfWeek.Sunday) yield return day.PlusDays(1);
        }
        // New Year's Day of the next year falling on a Saturday is observed on this year's 31 December.
        if (new LocalDate(year + 1, 1, 1).DayOfWeek == IsoDayOfWeek.Saturday) yield return new LocalDate(year, 12, 31);
        yield return Nth(year, 1, IsoDayOfWeek.Monday, 3);   // Birthday of Martin Luther King, Jr.
        yield return Nth(year, 2, IsoDayOfWeek.Monday, 3);   // Washington's Birthday
        yield return Last(year, 5, IsoDayOfWeek.Monday);     // Memorial Day
        yield return Nth(year, 9, IsoDayOfWeek.Monday, 1);   // Labor Day
        yield return Nth(year, 10, IsoDayOfWeek.Monday, 2);  // Columbus Day
        yield return Nth(year, 11, IsoDayOfWeek.Thursday, 4); // Thanksgiving Day
    }

    /// <summary>Code du travail art. L3133-1: the eleven jours fériés, Easter's by the Gregorian computus.</summary>
    private static IEnumerable<LocalDate> FrenchPublicHolidays(int year)
    {
        var easter = EasterSunday(year);
        return
        [
            new(year, 1, 1), easter.PlusDays(1), new(year, 5, 1), new(year, 5, 8), easter.PlusDays(39), easter.PlusDays(50),
            new(year, 7, 14), new(year, 8, 15), new(year, 11, 1), new(year, 11, 11), new(year, 12, 25),
        ];
    }

    // The anonymous Gregorian algorithm (Meeus, Astronomical Algorithms, ch. 8).
    private static LocalDate EasterSunday(int year)
    {
        int a = year % 19, b = year / 100, c = year % 100, d = b / 4, e = b % 4, f = (b + 8) / 25, g = (b - f + 1) / 3;
        var h = (19 * a + b - d - g + 15) % 30;
        int i = c / 4, k = c % 4;
        var l = (32 + 2 * e + 2 * i - h - k) % 7;
        var m = (a + 11 * h + 22 * l) / 451;
        var month = (h + l - 7 * m + 114) / 31;
        var day = (h + l - 7 * m + 114) % 31 + 1;
        return new LocalDate(year, month, day);
    }

    private static LocalDate Nth(int year, int month, IsoDayOfWeek day, int n)
    {
        var first = new LocalDate(year, month, 1);
        return first.PlusDays(((int)day - (int)first.DayOfWeek + 7) % 7 + 7 * (n - 1));
    }

    private static LocalDate Last(int year, int month, IsoDayOfWeek day)
    {
        var last = new LocalDate(year, month, 1).PlusMonths(1).PlusDays(-1);
        return last.PlusDays(-(((int)last.DayOfWeek - (int)day + 7) % 7));
    }
}
