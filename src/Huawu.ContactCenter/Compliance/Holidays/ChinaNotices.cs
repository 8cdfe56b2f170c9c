using NodaTime;

namespace Huawu.ContactCenter.Compliance.Holidays;

/// <summary>
/// China's public holidays as the State Council's General Office announces them each year (国务院办公厅关于部分节假日安排的通知):
/// the days off, not the make-up working days (调休上班). Years not listed here are added by tenants
/// (<c>compliance.holidays.cn</c>) once the notice for them is out, usually in November of the year before.
/// </summary>
internal static class ChinaNotices
{
    // (month, first day, last day) inclusive, per year.
    private static readonly Dictionary<int, (int Month, int First, int Month2, int Last)[]> Notices = new()
    {
        // 国办发明电〔2024〕12号 (2024-11-12).
        [2025] =
        [
            (1, 1, 1, 1), (1, 28, 2, 4), (4, 4, 4, 6), (5, 1, 5, 5), (5, 31, 6, 2), (10, 1, 10, 8),
        ],
        // 国务院办公厅关于2026年部分节假日安排的通知 (2025-11-04).
        [2026] =
        [
            (1, 1, 1, 3), (2, 15, 2, 23), (4, 4, 4, 6), (5, 1, 5, 5), (6, 19, 6, 21), (9, 25, 9, 27), (10, 1, 10, 7),
        ],
    };

    public static IEnumerable<LocalDate> Year(int year)
    {
        if (!Notices.TryGetValue(year, out var ranges)) yield break;
        foreach (var (month, first, month2, last) in ranges)
        {
            for (var day = new LocalDate(year, month, first); day <= new LocalDate(year, month2, last); day = day.PlusDays(1)) yield return day;
        }
    }
}
