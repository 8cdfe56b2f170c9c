namespace Huawu.Benchmarks.Media;

/// <summary>Time that moves only when told, with inert timers: the benchmark runs the media clock itself.</summary>
internal sealed class SteppedTime : TimeProvider
{
    public long Ticks { get; private set; } = TimeSpan.TicksPerDay;

    public override long TimestampFrequency => TimeSpan.TicksPerSecond;

    public override long GetTimestamp() => Ticks;

    public override DateTimeOffset GetUtcNow() => DateTimeOffset.UnixEpoch.AddTicks(Ticks);

    public void AdvanceFrame() => Ticks += TimeSpan.TicksPerMillisecond * 20;

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period) => new InertTimer();

    private sealed class InertTimer : ITimer
    {
        public bool Change(TimeSpan dueTime, TimeSpan period) => true;

        public void Dispose()
        {
        }

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }
}
