using System.Globalization;

namespace Huawu.Robot.Rehearsal;

/// <summary>
/// The clock of a replayed or interactive rehearsal: starts at the transcript's <c>now</c> in its UTC offset and
/// moves only when told, so relative dates and durations come out the same on every run.
/// </summary>
internal sealed class ReplayClock(DateTimeOffset start) : TimeProvider
{
    private DateTimeOffset _now = start;

    public override DateTimeOffset GetUtcNow() => _now.ToUniversalTime();

    public override TimeZoneInfo LocalTimeZone { get; } =
        TimeZoneInfo.CreateCustomTimeZone("UTC" + (start.Offset < TimeSpan.Zero ? "-" : "+") + start.Offset.ToString(@"hh\:mm", CultureInfo.InvariantCulture),
            start.Offset, null, null);

    public void Advance(TimeSpan by) => _now += by;
}
