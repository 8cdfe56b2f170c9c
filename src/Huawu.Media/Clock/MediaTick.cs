namespace Huawu.Media.Clock;

/// <summary>
/// One 20 ms tick of the <see cref="MediaClock"/>. <paramref name="Index"/> counts frames since the clock
/// started (a skipped tick leaves a gap); <paramref name="Timestamp"/> is the clock's
/// <see cref="TimeProvider.GetTimestamp"/> reading when the tick ran, so handlers need not read time again.
/// </summary>
public readonly record struct MediaTick(long Index, long Timestamp);
