using System.Globalization;
using System.Text.RegularExpressions;

namespace Huawu.Robot.Slots;

/// <summary>
/// A time of day said with a date ("明天下午三点", "下午", "tomorrow at 3 pm", "Friday morning"): an hour (上午/下午/晚上 and am/pm
/// decide the half of the day; a bare 1-6 点 is taken as afternoon, when people are called), or a part of the day alone —
/// 上午/早上/morning 09:00, 中午/noon 12:00, 下午/afternoon 14:00, 晚上/傍晚/evening/tonight 19:00.
/// </summary>
internal static partial class TimeOfDaySlot
{
    public static bool TryRead(string folded, out TimeOnly time)
    {
        var text = EnglishNumbers.ReplaceWords(ChineseNumerals.ReplaceRuns(folded));
        time = default;
        TimeOnly? found = ChineseHour(text) ?? EnglishHour(text) ?? PartOfDay(text);
        if (found is not { } value) return false;
        time = value;
        return true;
    }

    private static TimeOnly? ChineseHour(string text)
    {
        if (ChineseClock().Match(text) is not { Success: true } zh) return null;
        var hour = Int(zh.Groups[2].Value);
        var minute = zh.Groups[3].Value == "半" ? 30 : zh.Groups[4].Success ? Int(zh.Groups[4].Value) : 0;
        var afternoon = zh.Groups[1].Value is "下午" or "晚上" or "傍晚" or "今晚" or "明晚" || zh.Groups[1].Value is "中午" && hour < 3 ||
                        zh.Groups[1].Value.Length == 0 && hour is >= 1 and <= 6;
        return Make(afternoon && hour < 12 ? hour + 12 : hour, minute);
    }

    private static TimeOnly? EnglishHour(string text)
    {
        // "3 pm", "10:30 a.m.", "4 o'clock", or "at 3" — never a bare number ("in 3 days" is a date).
        var en = EnglishClock().Match(text) is { Success: true } clock ? clock : EnglishAt().Match(text);
        if (!en.Success) return null;
        var hour = Int(en.Groups[1].Value);
        var minute = en.Groups[2].Success ? Int(en.Groups[2].Value) : 0;
        var half = en.Groups[3].Success ? en.Groups[3].Value.Replace(".", "", StringComparison.Ordinal) : "";
        if (half == "pm" && hour < 12) hour += 12;
        else if (half == "am" && hour == 12) hour = 0;
        else if (half is not ("am" or "pm") && hour is >= 1 and <= 6) hour += 12; // "at 3", "4 o'clock": the afternoon
        return Make(hour, minute);
    }

    private static TimeOnly? PartOfDay(string text)
    {
        (string Word, int Hour)[] parts =
        [
            ("上午", 9), ("早上", 9), ("明早", 9), ("中午", 12), ("下午", 14), ("傍晚", 18), ("晚上", 19), ("今晚", 19), ("明晚", 19),
            ("morning", 9), ("noon", 12), ("afternoon", 14), ("evening", 19), ("tonight", 19),
        ];
        foreach (var (word, hour) in parts)
        {
            if (text.Contains(word, StringComparison.Ordinal)) return new TimeOnly(hour, 0);
        }
        return null;
    }

    private static TimeOnly? Make(int hour, int minute) => hour is >= 0 and < 24 && minute is >= 0 and < 60 ? new TimeOnly(hour, minute) : null;

    private static int Int(string digits) => int.Parse(digits, NumberStyles.None, CultureInfo.InvariantCulture);

    [GeneratedRegex(@"(上午|早上|中午|下午|晚上|傍晚|今晚|明晚)?\s*(\d{1,2})\s*[点點时]\s*(半|(\d{1,2})\s*分?)?")]
    private static partial Regex ChineseClock();

    [GeneratedRegex(@"\b(\d{1,2})(?::(\d{2}))?\s*(a\.?m\.?|p\.?m\.?|o'?clock)")]
    private static partial Regex EnglishClock();

    [GeneratedRegex(@"\bat\s+(\d{1,2})(?::(\d{2}))?\b")]
    private static partial Regex EnglishAt();
}
