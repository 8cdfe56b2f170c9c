using System.Net;
using Huawu.Media.Audio;
using Huawu.Media.Clock;
using Huawu.Media.Codecs;
using Huawu.Media.Streams;
using Huawu.Testing;

namespace Huawu.Media.Tests.Streams;

/// <summary>
/// Media streams on 127.0.0.1 driven by fake time. Packets travel over real UDP, so after each 20 ms tick
/// the rig waits (bounded) until every datagram sent between its streams has been handled.
/// </summary>
internal sealed class LoopbackRig : IDisposable
{
    private readonly List<MediaStream> _streams = [];

    public LoopbackRig(MediaStreamOptions? streamOptions = null)
    {
        var first = 44000 + (Random.Shared.Next(0, 4000) * 2);
        Engine = new MediaEngine(
            new MediaEngineOptions { BindAddress = IPAddress.Loopback, MinimumPort = first, MaximumPort = first + 199, Stream = streamOptions ?? new() },
            Time);
        Engine.Start();
    }

    public ManualTimeProvider Time { get; } = new();

    public MediaEngine Engine { get; }

    /// <summary>Datagrams sent to places outside the rig, which the delivery wait must not expect.</summary>
    public long SentElsewhere { get; set; }

    public MediaStream Open()
    {
        Assert.Equal(Huawu.Media.Transport.RtpSocketStatus.Ok, Engine.TryCreateStream(out var stream));
        _streams.Add(stream!);
        return stream!;
    }

    public static MediaStreamParameters To(MediaStream peer, byte? telephoneEvent = 101, MediaDirection direction = MediaDirection.SendReceive) =>
        new(AudioCodecs.Pcmu, 0, telephoneEvent, peer.LocalEndPoint, Direction: direction);

    public static void Connect(MediaStream a, MediaStream b)
    {
        a.Configure(To(b));
        b.Configure(To(a));
    }

    /// <summary>Runs ticks, waiting after each until every datagram between the rig's streams is handled.</summary>
    public void Tick(int count = 1)
    {
        for (var i = 0; i < count; i++)
        {
            Time.Advance(20);
            WaitForDelivery();
        }
    }

    public void WaitForDelivery()
    {
        var deadline = DateTime.UtcNow.AddSeconds(5);
        while (Handled() < Sent() - SentElsewhere)
        {
            if (DateTime.UtcNow > deadline) Assert.Fail($"Only {Handled()} of {Sent() - SentElsewhere} datagrams arrived over loopback.");
            Thread.Yield();
        }
    }

    private long Sent() => _streams.Sum(s => s.PacketsSent + s.RtcpPacketsSent);

    private long Handled() => _streams.Sum(s => s.RtpDatagramsHandled + s.RtcpDatagramsHandled);

    public void Dispose()
    {
        foreach (var stream in _streams) stream.Dispose();
        Engine.Dispose();
    }
}

/// <summary>Collects every frame a tap sees.</summary>
internal sealed class FrameCollector : IAudioSink
{
    public List<short> Samples { get; } = [];

    public List<long> Ticks { get; } = [];

    public void Write(in MediaTick tick, PcmFrame frame)
    {
        Samples.AddRange(frame.Samples.ToArray());
        Ticks.Add(tick.Index);
    }

    public short[] Last(int frames) => [.. Samples.Skip(Samples.Count - (frames * 160))];
}
