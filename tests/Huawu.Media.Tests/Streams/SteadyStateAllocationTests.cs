using System.Net;
using Huawu.Media.Clock;
using Huawu.Media.Codecs;
using Huawu.Media.Dsp;
using Huawu.Media.Streams;

namespace Huawu.Media.Tests.Streams;

[CollectionDefinition(nameof(SteadyStateAllocationTests), DisableParallelization = true)]
public sealed class AllocationCollection;

/// <summary>
/// The brief's bar: no allocation per packet in steady state, across every thread of the process (the
/// receive loops run on the thread pool). Runs alone so other tests' allocations do not count.
/// </summary>
[Collection(nameof(SteadyStateAllocationTests))]
public sealed class SteadyStateAllocationTests
{
    /// <summary>Fake time without the bookkeeping allocations of a general fake: the test calls the clock itself.</summary>
    private sealed class SteppedTime : TimeProvider
    {
        public long Ticks { get; set; } = 1_000_000_000;

        public override long TimestampFrequency => TimeSpan.TicksPerSecond;

        public override long GetTimestamp() => Ticks;

        public override DateTimeOffset GetUtcNow() => new DateTimeOffset(2026, 1, 5, 0, 0, 0, TimeSpan.Zero).AddTicks(Ticks);

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

    [Fact]
    public void Echo_calls_allocate_nothing_per_packet_once_running()
    {
        var time = new SteppedTime();
        var first = 48000 + (Random.Shared.Next(0, 1000) * 2);
        using var engine = new MediaEngine(new MediaEngineOptions { BindAddress = IPAddress.Loopback, MinimumPort = first, MaximumPort = first + 99 }, time);
        engine.Start();
        var streams = new List<MediaStream>();
        for (var call = 0; call < 4; call++)
        {
            engine.TryCreateStream(out var phone);
            engine.TryCreateStream(out var echo);
            phone!.Configure(new MediaStreamParameters(AudioCodecs.Pcmu, 0, 101, echo!.LocalEndPoint));
            echo.Configure(new MediaStreamParameters(AudioCodecs.Pcmu, 0, 101, phone.LocalEndPoint));
            phone.Source = new ToneGenerator(ToneSpec.TestTone);
            echo.Source = echo.ReceivedAudio;
            streams.Add(phone);
            streams.Add(echo);
        }
        var array = streams.ToArray();

        void Run(int ticks)
        {
            for (var i = 0; i < ticks; i++)
            {
                time.Ticks += TimeSpan.FromMilliseconds(20).Ticks;
                engine.Clock.RunDueTicks();
                WaitForDelivery(array);
            }
        }

        Run(400); // warm-up: JIT tiering, first RTCP, socket async machinery, thread-pool growth
        // Several windows, judged by the best: an allocation per packet shows in every window, while
        // runtime housekeeping on other threads (tiering, the test runner) comes and goes.
        var best = double.MaxValue;
        for (var window = 0; window < 6; window++)
        {
            var packetsBefore = Total(array, s => s.PacketsSent);
            var before = GC.GetTotalAllocatedBytes(precise: true);
            Run(100);
            var allocated = GC.GetTotalAllocatedBytes(precise: true) - before;
            var packets = Total(array, s => s.PacketsSent) - packetsBefore;
            Assert.True(packets >= 780, $"only {packets} packets");
            best = Math.Min(best, (double)allocated / packets);
        }
        Assert.True(best < 0.5, $"{best:F2} bytes allocated per packet");
        foreach (var stream in array) stream.Dispose();
    }

    private static long Total(MediaStream[] streams, Func<MediaStream, long> counter)
    {
        long total = 0;
        foreach (var stream in streams) total += counter(stream);
        return total;
    }

    private static void WaitForDelivery(MediaStream[] streams)
    {
        var deadline = Environment.TickCount64 + 5000;
        while (true)
        {
            long sent = 0, handled = 0;
            foreach (var stream in streams)
            {
                sent += stream.PacketsSent + stream.RtcpPacketsSent;
                handled += stream.RtpDatagramsHandled + stream.RtcpDatagramsHandled;
            }
            if (handled >= sent) return;
            if (Environment.TickCount64 > deadline) Assert.Fail($"{handled} of {sent} datagrams arrived");
            Thread.Yield();
        }
    }
}
