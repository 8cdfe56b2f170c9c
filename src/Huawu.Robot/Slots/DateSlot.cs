using System.Globalization;
using System.Text.RegularExpressions;

namespace Huawu.Robot.Slots;

/// <summary>
/// A day in an answer, absolute or relative to <c>today</c> (the call's local date from the injected clock):
/// 今天/明天/后天/大后天, 下周三/这周五/周日/下下周一, 3月5号, 下个月5号, 15号, 3天后, 2026年3月5日;
/// today/tomorrow/the day after tomorrow, next Monday/this Friday/Sunday, March 5th/5 March, the 15th, in 3 days.
/// Weeks start on Monday (ISO 8601); "下周三" and "next Wednesday" are the Wednesday of next week; a bare weekday
/// is the next one from today on; a bare day of the month is this month's, or next month's once it has passed.
/// </summary>
internal static partial class DateSlot
{
    private static readonly string[] Months =
        ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"];

    private static readonly string[] EnglishDays = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"];

    public static bool TryRead(string folded, DateOnly today, out DateOnly date)
    {
        var text = EnglishNumbers.ReplaceWords(ChineseNumerals.ReplaceRuns(folded));
        date = default;
        DateOnly? found = Absolute(text, today) ?? Relative(text, today) ?? Weekday(text, today) ?? DayOfMonth(text, today);
        if (found is not { } value) return false;
        date = value;
        return true;
    }

    private static DateOnly? Absolute(string text, DateOnly today)
    {
        if (IsoDate().Match(text) is { Success: true } iso) return Make(Int(iso, 1), Int(iso, 2), Int(iso, 3));
        if (ChineseMonthDay().Match(text) is { Success: true } zh) return NextMonthDay(today, Int(zh, 1), Int(zh, 2));
        if (EnglishMonthFirst().Match(text) is { Success: true } mf) return NextMonthDay(today, MonthOf(mf.Groups[1].Value), Int(mf, 2));
        if (EnglishDayFirst().Match(text) is { Success: true } df) return NextMonthDay(today, MonthOf(df.Groups[2].Value), Int(df, 1));
        return null;
    }

    private static DateOnly? Relative(string text, DateOnly today)
    {
        if (InDays().Match(text) is { Success: true } after) return today.AddDays(Int(after, 1) + Int(after, 2));
        (string Word, int Days)[] words =
        [
            ("大后天", 3), ("后天", 2), ("明天", 1), ("明日", 1), ("明早", 1), ("明晚", 1), ("今天", 0), ("今日", 0), ("今晚", 0), ("昨天", -1),
            ("day after tomorrow", 2), ("tomorrow", 1), ("today", 0), ("tonight", 0), ("yesterday", -1),
        ];
        foreach (var (word, days) in words)
        {
            if (text.Contains(word, StringComparison.Ordinal)) return today.AddDays(days);
        }
        return null;
    }

    private static DateOnly? Weekday(string text, DateOnly today)
    {
        var monday = today.AddDays(-(((int)today.DayOfWeek + 6) % 7));
        if (ChineseWeekday().Match(text) is { Success: true } zh)
        {
            var day = zh.Groups[3].Value is "日" or "天" or "7" ? 6 : int.Parse(zh.Groups[3].Value, CultureInfo.InvariantCulture) - 1;
            return zh.Groups[1].Value switch
            {
                "下下" => monday.AddDays(14 + day),
                "下" => monday.AddDays(7 + day),
                "这" or "本" => monday.AddDays(day),
                _ => Upcoming(today, day),
            };
        }
        if (EnglishWeekday().Match(text) is { Success: true } en)
        {
            var day = Array.IndexOf(EnglishDays, en.Groups[2].Value);
            return en.Groups[1].Value switch
            {
                "next" => monday.AddDays(7 + day),
                "this" => monday.AddDays(day),
                _ => Upcoming(today, day),
            };
        }
        return null;
    }

    private static DateOnly? DayOfMonth(string text, DateOnly today)
    {
        var match = ChineseDayOfMonth().Match(text) is { Success: true } zh ? zh : EnglishDayOfMonth().Match(text);
        if (!match.Success) return null;
        var day = Int(match, 2);
        if (match.Groups[1].Value.Length > 0) return Make(today.AddMonths(1).Year, today.AddMonths(1).Month, day);
        return Make(today.Year, today.Month, day) is { } thisMonth && thisMonth >= today
            ? thisMonth
            : Make(today.AddMonths(1).Year, today.AddMonths(1).Month, day);
    }

    private static DateOnly Upcoming(DateOnly today, int mondayBasedDay) =>
        today.AddDays((mondayBasedDay - (((int)today.DayOfWeek + 6) % 7) + 7) % 7);

    // A month and day without a year: this year's, or next year's once it has passed.
    private static DateOnly? NextMonthDay(DateOnly today, int month, int day) =>
        Make(today.Year, month, day) is { } thisYear && thisYear >= today ? thisYear : Make(today.Year + 1, month, day);

    private static DateOnly? Make(int year, int month, int day) =>
        month is >= 1 and <= 12 && day >= 1 && day <= DateTime.DaysInMonth(year, month) ? new DateOnly(year, month, day) : null;

    private static int MonthOf(string name) => Array.FindIndex(Months, m => m.StartsWith(name, StringComparison.Ordinal)) + 1;

    private static int Int(Match match, int group) =>
        match.Groups[group].Success && match.Groups[group].Value.Length > 0 ? int.Parse(match.Groups[group].Value, CultureInfo.InvariantCulture) : 0;

    [GeneratedRegex(@"(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})")]
    private static partial Regex IsoDate();

    [GeneratedRegex(@"(\d{1,2})\s*月\s*(\d{1,2})\s*[日号]?")]
    private static partial Regex ChineseMonthDay();

    [GeneratedRegex(@"\b(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+(?:the\s+)?(\d{1,2})(?:st|nd|rd|th)?\b")]
    private static partial Regex EnglishMonthFirst();

    [GeneratedRegex(@"\b(\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\b")]
    private static partial Regex EnglishDayFirst();

    [GeneratedRegex(@"(?:过|in\s+)(\d+)\s*(?:天|days?)|(?<!\d)(\d+)\s*(?:天后|天以后|天之后|days?\s+(?:from now|later))")]
    private static partial Regex InDays();

    [GeneratedRegex(@"(下下|下|这|本)?个?(周|星期|礼拜)([1-7日天])")]
    private static partial Regex ChineseWeekday();

    [GeneratedRegex(@"\b(?:(next|this|coming)\s+)?(monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b")]
    private static partial Regex EnglishWeekday();

    [GeneratedRegex(@"(下个?月)?\s*(\d{1,2})\s*[日号]")]
    private static partial Regex ChineseDayOfMonth();

    [GeneratedRegex(@"(next month\s+)?(?:on\s+)?the\s+(\d{1,2})(?:st|nd|rd|th)\b")]
    private static partial Regex EnglishDayOfMonth();
}
