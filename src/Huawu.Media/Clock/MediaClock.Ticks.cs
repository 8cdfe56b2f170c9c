namespace Huawu.Media.Clock;

public sealed partial class MediaClock
{
    /// <summary>
    /// Runs every tick due by now. Tick i falls due at start + (i + 1) × 20 ms. Whoever finds a tick already
    /// running returns at once: the running one loops until it has caught up, so ticks never overlap.
    /// </summary>
    internal void RunDueTicks()
    {
        if (Interlocked.CompareExchange(ref _ticking, 1, 0) != 0) return;
        Volatile.Write(ref _tickingThreadId, Environment.CurrentManagedThreadId);
        try
        {
            while (!Volatile.Read(ref _disposed))
            {
                var now = TimeProvider.GetTimestamp();
                var due = TimeProvider.GetElapsedTime(_startTimestamp, now).Ticks / FrameDuration.Ticks;
                if (_nextIndex >= due) return;
                if (due - _nextIndex > _options.MaxCatchUpTicks + 1)
                {
                    // Fell far behind: skip the oldest ticks (counted) rather than burst through all of them.
                    var skip = due - _nextIndex - _options.MaxCatchUpTicks - 1;
                    Interlocked.Add(ref _ticksSkipped, skip);
                    _nextIndex += skip;
                }
                RecordMax(ref _maxLateness, now - DueTimestamp(_nextIndex));
                RunTick(new MediaTick(_nextIndex, now));
                _nextIndex++;
                RecordMax(ref _maxTickDuration, TimeProvider.GetTimestamp() - now);
            }
        }
        finally
        {
            Volatile.Write(ref _tickingThreadId, 0);
            Volatile.Write(ref _ticking, 0);
        }
    }

    /// <summary>The timestamp at which tick <paramref name="index"/> falls due.</summary>
    private long DueTimestamp(long index) =>
        _startTimestamp + (long)((index + 1) * FrameDuration.TotalSeconds * TimeProvider.TimestampFrequency);

    private void RunTick(in MediaTick tick)
    {
        for (var phase = 0; phase < PhaseCount; phase++)
        {
            var handlers = Volatile.Read(ref _handlers[phase]);
            if (handlers.Length == 0) continue;
            if (_workers.Length > 0 && handlers.Length >= _options.MinimumHandlersToShare) RunShared(tick, handlers);
            else RunShare(tick, handlers, 0, 1);
        }
        Interlocked.Increment(ref _ticksRun);
    }

    /// <summary>Runs handlers <paramref name="first"/>, first + stride, … of one phase.</summary>
    private void RunShare(in MediaTick tick, IMediaTickHandler[] handlers, int first, int stride)
    {
        for (var i = first; i < handlers.Length; i += stride)
        {
            try
            {
                handlers[i].OnTick(tick);
            }
#pragma warning disable CA1031 // One faulty call leg must not stop the clock for every other call on the node.
            catch (Exception exception)
#pragma warning restore CA1031
            {
                Interlocked.Increment(ref _handlerFaults);
                HandlerFaulted?.Invoke(handlers[i], exception);
            }
        }
    }

    private static void RecordMax(ref long field, long value)
    {
        var current = Interlocked.Read(ref field);
        while (value > current)
        {
            var seen = Interlocked.CompareExchange(ref field, value, current);
            if (seen == current) return;
            current = seen;
        }
    }
}
