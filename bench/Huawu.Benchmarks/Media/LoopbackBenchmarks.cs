using System.Net;
using BenchmarkDotNet.Attributes;
using Huawu.Media.Codecs;
using Huawu.Media.Dsp;
using Huawu.Media.Streams;

namespace Huawu.Benchmarks.Media;

/// <summary>
/// Full RTP rounds over 127.0.0.1 through <see cref="MediaStream"/>s: tick the clock, then wait until every
/// packet was received, validated and buffered on the other side. One operation is one tick of N echo calls:
/// 2N packets (caller → echo, and the echo's reply), both ends on this machine. With N = 1 it is one
/// send→receive round each way; with N = 500 it must stay well under 20 ms on two cores. MemoryDiagnoser
/// counts the benchmark thread; the allocation test in Huawu.Media.Tests covers the receive threads too.
/// </summary>
[MemoryDiagnoser]
public class LoopbackBenchmarks
{
    private readonly SteppedTime _time = new();
    private MediaEngine _engine = null!;
    private MediaStream[] _streams = null!;

    [Params(1, 500)]
    public int Calls { get; set; }

    /// <summary>Threads sharing each tick phase (<see cref="Huawu.Media.Clock.MediaClockOptions.Workers"/>).</summary>
    [Params(1, 2)]
    public int Workers { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _engine = new MediaEngine(
            new MediaEngineOptions
            {
                BindAddress = IPAddress.Loopback,
                MinimumPort = 30000,
                MaximumPort = 39999,
                Clock = new Huawu.Media.Clock.MediaClockOptions { Workers = Workers },
            },
            _time);
        _engine.Start();
        var streams = new List<MediaStream>();
        for (var call = 0; call < Calls; call++)
        {
            var caller = Open();
            var echo = Open();
            caller.Configure(new MediaStreamParameters(AudioCodecs.Pcmu, 0, 101, echo.LocalEndPoint));
            echo.Configure(new MediaStreamParameters(AudioCodecs.Pcmu, 0, 101, caller.LocalEndPoint));
            caller.Source = new ToneGenerator(ToneSpec.TestTone);
            echo.Source = echo.ReceivedAudio;
            streams.Add(caller);
            streams.Add(echo);
        }
        _streams = [.. streams];
        for (var i = 0; i < 100; i++) EchoCalls();
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        foreach (var stream in _streams) stream.Dispose();
        _engine.Dispose();
    }

    [Benchmark]
    public void EchoCalls()
    {
        _time.AdvanceFrame();
        _engine.Clock.RunDueTicks();
        WaitForDelivery();
    }

    private MediaStream Open()
    {
        if (_engine.TryCreateStream(out var stream) != Huawu.Media.Transport.RtpSocketStatus.Ok) throw new InvalidOperationException("No RTP ports.");
        return stream!;
    }

    private void WaitForDelivery()
    {
        while (true)
        {
            long sent = 0, handled = 0;
            foreach (var stream in _streams)
            {
                sent += stream.PacketsSent + stream.RtcpPacketsSent;
                handled += stream.RtpDatagramsHandled + stream.RtcpDatagramsHandled;
            }
            if (handled >= sent) return;
            Thread.Yield();
        }
    }
}
