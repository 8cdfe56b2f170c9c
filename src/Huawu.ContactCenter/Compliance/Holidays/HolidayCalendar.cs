using NodaTime;

namespace Huawu.ContactCenter.Compliance.Holidays;

/// <summary>The days a calendar marks as public holidays: fixed dates, rules computed per year, and dates a tenant adds.</summary>
public sealed class HolidayCalendar
{
    private readonly Func<int, IEnumerable<LocalDate>> _rules;
    private readonly HashSet<LocalDate> _added;
    private readonly Dictionary<int, HashSet<LocalDate>> _byYear = [];
    private readonly object _gate = new();

    public HolidayCalendar(string id, Func<int, IEnumerable<LocalDate>> rules, IEnumerable<LocalDate>? added = null)
    {
        Id = id;
        _rules = rules;
        _added = [.. added ?? []];
    }

    public string Id { get; }

    public bool IsHoliday(LocalDate date)
    {
        if (_added.Contains(date)) return true;
        lock (_gate)
        {
            if (!_byYear.TryGetValue(date.Year, out var days)) _byYear[date.Year] = days = [.. _rules(date.Year)];
            return days.Contains(date);
        }
    }

    /// <summary>This calendar with more dates (a tenant's additions: next year's notice before Huawu ships it, a local holiday).</summary>
    public HolidayCalendar With(IEnumerable<LocalDate> dates) => new(Id, _rules, _added.Concat(dates));
}
