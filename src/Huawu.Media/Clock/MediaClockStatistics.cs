namespace Huawu.Media.Clock;

/// <summary>What a <see cref="MediaClock"/> has done since it started.</summary>
public readonly record struct MediaClockStatistics(
    long TicksRun,
    long TicksSkipped,
    long HandlerFaults,
    TimeSpan MaxTickDuration,
    TimeSpan MaxLateness);
