namespace Huawu.Media.Clock;

/// <summary>
/// The one clock that paces every stream on the node: each 20 ms it runs the handlers of each
/// <see cref="MediaTickPhase"/> in turn. The due tick is computed from elapsed time on the injected
/// <see cref="TimeProvider"/>, so wake-up jitter never accumulates; missed ticks are caught up (bounded)
/// and two ticks never run at once. Handlers may subscribe and unsubscribe from any thread; a handler
/// removed during a tick may still see that tick.
/// </summary>
public sealed partial class MediaClock : IDisposable
{
    /// <summary>The tick period.</summary>
    public static readonly TimeSpan FrameDuration = TimeSpan.FromMilliseconds(20);

    private const int PhaseCount = 3;
    private readonly Lock _gate = new();
    private readonly IMediaTickHandler[][] _handlers = [[], [], []];
    private readonly MediaClockOptions _options;
    private long _startTimestamp;
    private long _nextIndex;
    private int _ticking;
    private int _tickingThreadId;
    private bool _started;
    private bool _disposed;
    private long _ticksRun;
    private long _ticksSkipped;
    private long _handlerFaults;
    private long _maxTickDuration;
    private long _maxLateness;

    public MediaClock(TimeProvider timeProvider, MediaClockOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(timeProvider);
        _options = options ?? new MediaClockOptions();
        ArgumentOutOfRangeException.ThrowIfLessThan(_options.Workers, 1, nameof(options));
        ArgumentOutOfRangeException.ThrowIfNegative(_options.MaxCatchUpTicks, nameof(options));
        TimeProvider = timeProvider;
    }

    public TimeProvider TimeProvider { get; }

    /// <summary>Raised on the media thread when a handler throws; the clock carries on with the others.</summary>
    public event Action<IMediaTickHandler, Exception>? HandlerFaulted;

    public MediaClockStatistics Statistics => new(
        Interlocked.Read(ref _ticksRun), Interlocked.Read(ref _ticksSkipped), Interlocked.Read(ref _handlerFaults),
        TimeProvider.GetElapsedTime(0, Interlocked.Read(ref _maxTickDuration)),
        TimeProvider.GetElapsedTime(0, Interlocked.Read(ref _maxLateness)));

    /// <summary>Handlers subscribed to <paramref name="phase"/>.</summary>
    public int HandlerCount(MediaTickPhase phase) => Volatile.Read(ref _handlers[(int)phase]).Length;

    /// <summary>Runs <paramref name="handler"/> in <paramref name="phase"/> of every tick until the returned token is disposed.</summary>
    public IDisposable Subscribe(IMediaTickHandler handler, MediaTickPhase phase)
    {
        ArgumentNullException.ThrowIfNull(handler);
        if ((uint)phase >= PhaseCount) throw new ArgumentOutOfRangeException(nameof(phase));
        lock (_gate)
        {
            ref var handlers = ref _handlers[(int)phase];
            Volatile.Write(ref handlers, [.. handlers, handler]);
        }
        return new Subscription(this, handler, phase);
    }

    /// <summary>Starts ticking: the first tick falls due one frame from now.</summary>
    public void Start()
    {
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            if (_started) throw new InvalidOperationException("The media clock is already running.");
            _started = true;
            _startTimestamp = TimeProvider.GetTimestamp();
            StartWorkers();
            StartDriver();
        }
    }

    public void Dispose()
    {
        if (Volatile.Read(ref _tickingThreadId) == Environment.CurrentManagedThreadId)
        {
            throw new InvalidOperationException("A tick handler cannot dispose the media clock that is running it.");
        }
        lock (_gate)
        {
            if (_disposed) return;
            _disposed = true;
        }
        StopDriver();
        // A timer callback may be in flight on another thread: let its tick finish before the workers go.
        var wait = new SpinWait();
        while (Volatile.Read(ref _ticking) != 0) wait.SpinOnce();
        StopWorkers();
    }

    private void Unsubscribe(IMediaTickHandler handler, MediaTickPhase phase)
    {
        lock (_gate)
        {
            ref var handlers = ref _handlers[(int)phase];
            var index = Array.IndexOf(handlers, handler);
            if (index < 0) return;
            Volatile.Write(ref handlers, [.. handlers[..index], .. handlers[(index + 1)..]]);
        }
    }

    private sealed class Subscription(MediaClock clock, IMediaTickHandler handler, MediaTickPhase phase) : IDisposable
    {
        private int _disposed;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _disposed, 1) == 0) clock.Unsubscribe(handler, phase);
        }
    }
}
