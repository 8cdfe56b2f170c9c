namespace Huawu.Media.Clock;

public sealed partial class MediaClock
{
    private ITimer? _timer;
    private Thread? _thread;
    private readonly ManualResetEventSlim _stopping = new();

    private void StartDriver()
    {
        if (_options.UseDedicatedThread ?? TimeProvider == TimeProvider.System)
        {
            _thread = new Thread(RunThread) { IsBackground = true, Name = "Huawu media clock", Priority = ThreadPriority.AboveNormal };
            _thread.Start();
        }
        else
        {
            // Fake time (tests) or a custom provider: its timers decide when we look; RunDueTicks decides what runs.
            _timer = TimeProvider.CreateTimer(static state => ((MediaClock)state!).RunDueTicks(), this, FrameDuration, FrameDuration);
        }
    }

    private void StopDriver()
    {
        _timer?.Dispose();
        _stopping.Set();
        if (_thread is not null && _thread != Thread.CurrentThread) _thread.Join();
        _stopping.Dispose();
    }

    /// <summary>
    /// The production driver: sleep until about a millisecond before the next tick (the OS wait is only
    /// millisecond-precise), then yield until it is due, so ticks start within a fraction of a millisecond.
    /// </summary>
    private void RunThread()
    {
        while (!_stopping.IsSet)
        {
            RunDueTicks();
            var remaining = DueTimestamp(_nextIndex) - TimeProvider.GetTimestamp();
            var remainingTime = TimeProvider.GetElapsedTime(0, Math.Max(0, remaining));
            if (remainingTime > TimeSpan.FromMilliseconds(2))
            {
                _stopping.Wait(remainingTime - TimeSpan.FromMilliseconds(1));
            }
            else if (remaining > 0)
            {
                Thread.Yield();
            }
        }
    }
}
