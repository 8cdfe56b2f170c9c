using System.Globalization;
using NodaTime;
using NodaTime.Text;

namespace Huawu.ContactCenter.Compliance.Rules;

/// <summary>
/// Calling windows as settings write them: day groups separated by ';', each days then times —
/// <c>mon-fri 10:00-13:00,14:00-20:00; sat 10:00-12:00</c>. Days are mon…sun, ranges (fri-mon wraps) and lists (mon,wed), or
/// <c>daily</c>. An empty text or <c>never</c> means no window at all.
/// </summary>
public static class WindowText
{
    private static readonly string[] DayNames = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"];
    private static readonly LocalTimePattern Time = LocalTimePattern.CreateWithInvariantCulture("HH:mm");

    public static IReadOnlyList<CallingWindow>? Parse(string? text, out string? error)
    {
        error = null;
        var windows = new List<CallingWindow>();
        if (string.IsNullOrWhiteSpace(text) || text.Trim().Equals("never", StringComparison.OrdinalIgnoreCase)) return windows;
        foreach (var group in text.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var space = group.IndexOf(' ', StringComparison.Ordinal);
            if (space < 0 || ParseDays(group[..space]) is not { } days)
            {
                error = $"'{group}': expected DAYS HH:mm-HH:mm[,HH:mm-HH:mm] (days: mon-fri, sat, daily…)";
                return null;
            }
            foreach (var range in group[(space + 1)..].Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                var parts = range.Split('-', StringSplitOptions.TrimEntries);
                if (parts.Length != 2 || !Time.Parse(parts[0]).TryGetValue(default, out var start) || !ParseEnd(parts[1], out var end) || end <= start)
                {
                    error = $"'{range}': expected HH:mm-HH:mm with the end after the start (24:00 for midnight)";
                    return null;
                }
                windows.Add(new CallingWindow(days, start, end));
            }
        }
        return windows;
    }

    public static string Format(IEnumerable<CallingWindow> windows)
    {
        var groups = windows.GroupBy(w => FormatDays(w.Days)).Select(g =>
            g.Key + " " + string.Join(",", g.Select(w => string.Create(CultureInfo.InvariantCulture, $"{Time.Format(w.Start)}-{FormatEnd(w.End)}"))));
        var text = string.Join("; ", groups);
        return text.Length == 0 ? "never" : text;
    }

    public static string FormatDays(IReadOnlySet<IsoDayOfWeek> days)
    {
        if (days.Count == 7) return "daily";
        var sorted = days.Order().ToList();
        return sorted.Count > 1 && (int)sorted[^1] - (int)sorted[0] == sorted.Count - 1
            ? $"{DayNames[(int)sorted[0] - 1]}-{DayNames[(int)sorted[^1] - 1]}"
            : string.Join(",", sorted.Select(d => DayNames[(int)d - 1]));
    }

    private static IReadOnlySet<IsoDayOfWeek>? ParseDays(string text)
    {
        if (text.Equals("daily", StringComparison.OrdinalIgnoreCase)) return CallingWindow.EveryDay;
        var days = new HashSet<IsoDayOfWeek>();
        foreach (var part in text.ToLowerInvariant().Split(','))
        {
            var range = part.Split('-');
            if (range.Length > 2 || range.Any(r => Array.IndexOf(DayNames, r) < 0)) return null;
            var first = Array.IndexOf(DayNames, range[0]);
            var last = Array.IndexOf(DayNames, range[^1]);
            for (var d = first; ; d = (d + 1) % 7)
            {
                days.Add((IsoDayOfWeek)(d + 1));
                if (d == last) break;
            }
        }
        return days;
    }

    // 24:00 closes a window at midnight: the last instant of the day.
    private static bool ParseEnd(string text, out LocalTime end)
    {
        if (text == "24:00")
        {
            end = LocalTime.MaxValue;
            return true;
        }
        return Time.Parse(text).TryGetValue(default, out end);
    }

    private static string FormatEnd(LocalTime end) => end == LocalTime.MaxValue ? "24:00" : Time.Format(end);
}
