using Huawu.ContactCenter.Compliance.Rules;
using NodaTime;

namespace Huawu.ContactCenter.Compliance;

/// <summary>When a callee may be called: the calling window and holidays of the rules that apply to them, in every zone they may be in.</summary>
public sealed record CalleeHours(CallingHours Hours, IReadOnlyList<DateTimeZone> Zones)
{
    /// <summary>The first instant at or after <paramref name="from"/> when the window is open in all the callee's zones; null if never within a year.</summary>
    public Instant? NextOpen(Instant from) => Hours.NextOpenEverywhere(from, Zones);
}
