namespace Huawu.Media.Clock;

/// <summary>How the <see cref="MediaClock"/> runs.</summary>
public sealed record MediaClockOptions
{
    /// <summary>
    /// Threads sharing each phase of a tick (the clock's own thread included). With more than one, handlers
    /// of a phase are split across them and the phase ends when all are done.
    /// </summary>
    public int Workers { get; init; } = 1;

    /// <summary>A phase with fewer handlers than this runs on the clock thread alone even with several workers.</summary>
    public int MinimumHandlersToShare { get; init; } = 64;

    /// <summary>
    /// Missed ticks run at once when the clock falls behind (a GC pause, a busy machine). Beyond this the
    /// oldest are skipped and counted, so a long stall does not end in a burst.
    /// </summary>
    public int MaxCatchUpTicks { get; init; } = 5;

    /// <summary>
    /// Drive ticks from a dedicated thread with a precise wait (true) or from a <see cref="TimeProvider"/>
    /// timer (false). Null: a thread for <see cref="TimeProvider.System"/>, a timer for any other provider.
    /// </summary>
    public bool? UseDedicatedThread { get; init; }
}
