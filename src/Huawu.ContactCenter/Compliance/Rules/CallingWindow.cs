using NodaTime;

namespace Huawu.ContactCenter.Compliance.Rules;

/// <summary>Calls may be placed on <see cref="Days"/> from <see cref="Start"/> (inclusive) to <see cref="End"/> (exclusive), local time.</summary>
public sealed record CallingWindow(IReadOnlySet<IsoDayOfWeek> Days, LocalTime Start, LocalTime End)
{
    public static IReadOnlySet<IsoDayOfWeek> EveryDay { get; } = Enum.GetValues<IsoDayOfWeek>().Where(d => d != IsoDayOfWeek.None).ToHashSet();

    public static IReadOnlySet<IsoDayOfWeek> Weekdays { get; } = new HashSet<IsoDayOfWeek>
    {
        IsoDayOfWeek.Monday, IsoDayOfWeek.Tuesday, IsoDayOfWeek.Wednesday, IsoDayOfWeek.Thursday, IsoDayOfWeek.Friday,
    };

    public bool Contains(LocalDateTime local) => Days.Contains(local.DayOfWeek) && local.TimeOfDay >= Start && local.TimeOfDay < End;

    public static CallingWindow Daily(int startHour, int endHour) => new(EveryDay, new LocalTime(startHour, 0), new LocalTime(endHour, 0));

    public override string ToString() => WindowText.Format([this]);
}
