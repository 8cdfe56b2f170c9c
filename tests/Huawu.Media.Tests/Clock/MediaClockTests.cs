using System.Collections.Concurrent;
using Huawu.Media.Clock;
using Huawu.Testing;

namespace Huawu.Media.Tests.Clock;

public sealed class MediaClockTests
{
    private sealed class Recorder(string name, ConcurrentQueue<string> log, Action<MediaTick>? action = null) : IMediaTickHandler
    {
        private int _inside;

        public List<long> Ticks { get; } = [];

        public bool Overlapped { get; private set; }

        public void OnTick(in MediaTick tick)
        {
            if (Interlocked.Increment(ref _inside) > 1) Overlapped = true;
            lock (Ticks) Ticks.Add(tick.Index);
            log.Enqueue($"{tick.Index}:{name}");
            action?.Invoke(tick);
            Interlocked.Decrement(ref _inside);
        }
    }

    [Fact]
    public void Ticks_every_twenty_milliseconds_running_phases_in_order()
    {
        var time = new ManualTimeProvider();
        using var clock = new MediaClock(time);
        var log = new ConcurrentQueue<string>();
        clock.Subscribe(new Recorder("send", log), MediaTickPhase.Send);
        clock.Subscribe(new Recorder("mix", log), MediaTickPhase.Mix);
        clock.Subscribe(new Recorder("receive", log), MediaTickPhase.Receive);
        clock.Start();
        time.Advance(19);
        Assert.Empty(log);
        time.Advance(1);
        time.Advance(20);
        Assert.Equal(["0:receive", "0:mix", "0:send", "1:receive", "1:mix", "1:send"], log);
        Assert.Equal(2, clock.Statistics.TicksRun);
    }

    [Fact]
    public void Unsubscribed_handlers_stop_ticking_and_others_continue()
    {
        var time = new ManualTimeProvider();
        using var clock = new MediaClock(time);
        var log = new ConcurrentQueue<string>();
        var a = new Recorder("a", log);
        var b = new Recorder("b", log);
        var subscription = clock.Subscribe(a, MediaTickPhase.Receive);
        clock.Subscribe(b, MediaTickPhase.Receive);
        clock.Start();
        time.Advance(40);
        subscription.Dispose();
        subscription.Dispose();
        time.Advance(40);
        Assert.Equal([0, 1], a.Ticks);
        Assert.Equal([0, 1, 2, 3], b.Ticks);
        Assert.Equal(1, clock.HandlerCount(MediaTickPhase.Receive));
    }

    [Fact]
    public void A_throwing_handler_is_reported_and_the_rest_still_run()
    {
        var time = new ManualTimeProvider();
        using var clock = new MediaClock(time);
        var log = new ConcurrentQueue<string>();
        var faults = new List<Exception>();
        clock.HandlerFaulted += (_, exception) => faults.Add(exception);
        clock.Subscribe(new Recorder("bad", log, _ => throw new InvalidOperationException("boom")), MediaTickPhase.Receive);
        var good = new Recorder("good", log);
        clock.Subscribe(good, MediaTickPhase.Receive);
        clock.Start();
        time.Advance(60);
        Assert.Equal([0, 1, 2], good.Ticks);
        Assert.Equal(3, faults.Count);
        Assert.Equal(3, clock.Statistics.HandlerFaults);
    }

    [Fact]
    public void A_slow_tick_is_caught_up_without_overlapping()
    {
        var time = new ManualTimeProvider();
        using var clock = new MediaClock(time);
        var log = new ConcurrentQueue<string>();
        // Tick 2 takes 70 ms: the timer fires meanwhile (re-entrantly here) but must not start another tick.
        var handler = new Recorder("slow", log, tick =>
        {
            if (tick.Index == 2) time.Advance(70);
        });
        clock.Subscribe(handler, MediaTickPhase.Receive);
        clock.Start();
        time.Advance(60);
        Assert.False(handler.Overlapped);
        // Time is now 130 ms: ticks 0–5 are due (tick 5 at 120 ms), and all ran, in order.
        Assert.Equal([0, 1, 2, 3, 4, 5], handler.Ticks);
        Assert.Equal(0, clock.Statistics.TicksSkipped);
        Assert.Equal(TimeSpan.FromMilliseconds(70), clock.Statistics.MaxTickDuration);
        Assert.Equal(TimeSpan.FromMilliseconds(50), clock.Statistics.MaxLateness);
    }

    [Fact]
    public void A_long_stall_skips_ticks_beyond_the_catch_up_bound()
    {
        var time = new ManualTimeProvider();
        using var clock = new MediaClock(time, new MediaClockOptions { MaxCatchUpTicks = 3 });
        var log = new ConcurrentQueue<string>();
        var handler = new Recorder("stall", log, tick =>
        {
            if (tick.Index == 0) time.Advance(1000);
        });
        clock.Subscribe(handler, MediaTickPhase.Receive);
        clock.Start();
        time.Advance(20);
        // At 1020 ms ticks up to 50 are due (tick i at (i + 1) × 20 ms); after tick 0 only the last 4
        // (3 missed + the current) run and ticks 1–46 are skipped.
        Assert.Equal([0, 47, 48, 49, 50], handler.Ticks);
        Assert.Equal(46, clock.Statistics.TicksSkipped);
    }

    [Fact]
    public void Subscribing_during_a_tick_takes_effect_on_the_next()
    {
        var time = new ManualTimeProvider();
        using var clock = new MediaClock(time);
        var log = new ConcurrentQueue<string>();
        var late = new Recorder("late", log);
        clock.Subscribe(new Recorder("adder", log, tick =>
        {
            if (tick.Index == 0) clock.Subscribe(late, MediaTickPhase.Receive);
        }), MediaTickPhase.Receive);
        clock.Start();
        time.Advance(40);
        Assert.Equal([1], late.Ticks);
    }

    [Fact]
    public void Workers_share_a_phase_and_every_phase_finishes_before_the_next()
    {
        var time = new ManualTimeProvider();
        using var clock = new MediaClock(time, new MediaClockOptions { Workers = 3, MinimumHandlersToShare = 1 });
        var log = new ConcurrentQueue<string>();
        var threads = new ConcurrentDictionary<int, byte>();
        var handlers = new List<Recorder>();
        foreach (var phase in new[] { MediaTickPhase.Receive, MediaTickPhase.Send })
        {
            for (var i = 0; i < 12; i++)
            {
                var handler = new Recorder(phase.ToString(), log, _ =>
                {
                    threads.TryAdd(Environment.CurrentManagedThreadId, 0);
                    Thread.SpinWait(2000);
                });
                handlers.Add(handler);
                clock.Subscribe(handler, phase);
            }
        }
        clock.Start();
        time.Advance(100);
        Assert.All(handlers, h => Assert.Equal([0, 1, 2, 3, 4], h.Ticks));
        var entries = log.ToArray();
        for (var tick = 0; tick < 5; tick++)
        {
            var ofTick = entries.Where(e => e.StartsWith($"{tick}:", StringComparison.Ordinal)).ToList();
            Assert.Equal(24, ofTick.Count);
            Assert.All(ofTick.Take(12), e => Assert.EndsWith("Receive", e, StringComparison.Ordinal));
            Assert.All(ofTick.Skip(12), e => Assert.EndsWith("Send", e, StringComparison.Ordinal));
        }
        Assert.True(threads.Count > 1);
    }

    [Fact]
    public void On_system_time_a_dedicated_thread_ticks_in_sequence()
    {
        using var clock = new MediaClock(TimeProvider.System);
        var log = new ConcurrentQueue<string>();
        var handler = new Recorder("real", log);
        clock.Subscribe(handler, MediaTickPhase.Receive);
        clock.Start();
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (log.Count < 5 && DateTime.UtcNow < deadline) Thread.Sleep(10);
        clock.Dispose();
        long[] ticks;
        lock (handler.Ticks) ticks = [.. handler.Ticks];
        Assert.True(ticks.Length >= 5);
        Assert.False(handler.Overlapped);
        // Indices rise by one unless the machine stalled past the catch-up bound.
        Assert.All(ticks.Zip(ticks.Skip(1)), pair => Assert.True(pair.Second > pair.First));
        var count = ticks.Length;
        Thread.Sleep(60);
        Assert.Equal(count, handler.Ticks.Count);
    }

    [Fact]
    public void Starting_twice_or_after_dispose_is_a_bug()
    {
        var clock = new MediaClock(new ManualTimeProvider());
        clock.Start();
        Assert.Throws<InvalidOperationException>(clock.Start);
        clock.Dispose();
        Assert.Throws<ObjectDisposedException>(clock.Start);
    }
}
