using Huawu.Media.Dsp;
using Huawu.Media.Dtmf;
using Huawu.Media.Streams;
using Huawu.Media.Tests.Dsp;

namespace Huawu.Media.Tests.Streams;

/// <summary>Two (or more) streams talking RTP over 127.0.0.1 on fake time.</summary>
public sealed class MediaStreamTests
{
    private static readonly double ToneAmplitude = 32767 * Math.Pow(10, -13.17 / 20);

    [Fact]
    public void A_tone_crosses_and_comes_back_from_an_echo()
    {
        using var rig = new LoopbackRig();
        var caller = rig.Open();
        var echo = rig.Open();
        LoopbackRig.Connect(caller, echo);
        caller.Source = new ToneGenerator(ToneSpec.TestTone);
        echo.Source = echo.ReceivedAudio; // the echo diagnostic: read → write on the same stream
        var heard = new FrameCollector();
        caller.TapReceived(heard);

        rig.Tick(50);

        Assert.Equal(50, caller.PacketsSent);
        // The echo starts once its jitter buffer holds 40 ms, and skips the first packet (RFC 3550 §A.1 probation).
        Assert.InRange(echo.PacketsSent, 45, 48);
        var amplitude = Signal.Amplitude(heard.Last(20), 1000, 8000);
        Assert.InRange(amplitude, ToneAmplitude * 0.95, ToneAmplitude * 1.05);
        var statistics = caller.GetStatistics();
        Assert.Equal(0, statistics.PacketsLost);
        Assert.Equal(0, statistics.JitterBuffer.PacketsLate);
        Assert.Equal(echo.LocalEndPoint, statistics.LatchedRemote);
    }

    [Fact]
    public void Dtmf_keys_cross_as_one_digit_each()
    {
        using var rig = new LoopbackRig();
        var a = rig.Open();
        var b = rig.Open();
        LoopbackRig.Connect(a, b);
        var digits = new List<DtmfDigit>();
        b.DtmfReceived += (_, digit) =>
        {
            lock (digits) digits.Add(digit);
        };
        a.Source = new ToneGenerator(ToneSpec.TestTone);
        rig.Tick(5);
        Assert.True(a.TrySendDtmf('1', TimeSpan.FromMilliseconds(100)));
        Assert.True(a.TrySendDtmf('#', TimeSpan.FromMilliseconds(60)));
        Assert.True(a.TrySendDtmf('1', TimeSpan.FromMilliseconds(60)));
        Assert.False(a.TrySendDtmf('x', TimeSpan.FromMilliseconds(60)));
        rig.Tick(40);
        Assert.Equal("1#1", string.Concat(digits.Select(d => d.Key)));
        Assert.Equal(3, digits.Select(d => d.EventTimestamp).Distinct().Count());
        Assert.Equal(3, b.GetStatistics().DtmfDigitsReceived);
    }

    [Fact]
    public void Dtmf_is_refused_without_a_negotiated_telephone_event()
    {
        using var rig = new LoopbackRig();
        var a = rig.Open();
        var b = rig.Open();
        a.Configure(LoopbackRig.To(b, telephoneEvent: null));
        Assert.False(a.TrySendDtmf('5', TimeSpan.FromMilliseconds(100)));
    }

    [Fact]
    public void Hold_directions_gate_sending_and_receiving()
    {
        using var rig = new LoopbackRig();
        var a = rig.Open();
        var b = rig.Open();
        LoopbackRig.Connect(a, b);
        a.Source = new ToneGenerator(ToneSpec.TestTone);
        b.Source = new ToneGenerator(ToneSpec.Continuous(500, -10));
        var aHeard = new FrameCollector();
        a.TapReceived(aHeard);
        rig.Tick(10);

        // RFC 3264 §8.4: a holds b with sendonly; b answers recvonly.
        a.Direction = MediaDirection.SendOnly;
        b.Direction = MediaDirection.ReceiveOnly;
        var bSent = b.PacketsSent;
        var bReceived = b.PacketsReceived;
        rig.Tick(10);
        Assert.Equal(bSent, b.PacketsSent);
        Assert.Equal(bReceived + 10, b.PacketsReceived);
        Assert.All(aHeard.Last(10), s => Assert.Equal(0, s));

        a.Direction = MediaDirection.Inactive;
        b.Direction = MediaDirection.Inactive;
        var aSent = a.PacketsSent;
        rig.Tick(10);
        Assert.Equal(aSent, a.PacketsSent);
        Assert.Equal(bSent, b.PacketsSent);

        a.Direction = MediaDirection.SendReceive;
        b.Direction = MediaDirection.SendReceive;
        rig.Tick(10);
        Assert.Equal(aSent + 10, a.PacketsSent);
        Assert.Equal(bSent + 10, b.PacketsSent);
        Assert.True(Signal.Amplitude(aHeard.Last(5), 500, 8000) > ToneAmplitude * 0.8);
    }

    [Fact]
    public void Media_is_sent_back_to_where_it_comes_from_not_where_sdp_said()
    {
        using var rig = new LoopbackRig();
        var a = rig.Open();
        var b = rig.Open();
        a.Configure(LoopbackRig.To(b));
        // b's SDP view of a is wrong (a NAT rewrote a's address): port 9 on loopback, where nobody listens.
        b.Configure(LoopbackRig.To(a) with { RemoteEndPoint = new System.Net.IPEndPoint(System.Net.IPAddress.Loopback, 9) });
        a.Source = new ToneGenerator(ToneSpec.TestTone);
        rig.Tick();
        b.Source = new ToneGenerator(ToneSpec.TestTone);
        rig.Tick(10);
        Assert.Equal(a.LocalEndPoint, b.GetStatistics().LatchedRemote);
        Assert.Equal(10, b.PacketsSent);
        Assert.Equal(10, a.RtpDatagramsHandled);
    }

    [Fact]
    public void A_new_source_replaces_a_silent_one_but_not_a_live_one()
    {
        using var rig = new LoopbackRig(new MediaStreamOptions { RelatchAfterSilence = TimeSpan.FromMilliseconds(200) });
        var b = rig.Open();
        var a = rig.Open();
        var c = rig.Open();
        LoopbackRig.Connect(a, b);
        c.Configure(LoopbackRig.To(b));
        a.Source = new ToneGenerator(ToneSpec.TestTone);
        b.Source = new ToneGenerator(ToneSpec.TestTone);
        c.Source = new ToneGenerator(ToneSpec.Continuous(500, -10));
        rig.Tick(20);
        // c injects while a is live: b keeps sending to a and drops c's packets.
        Assert.Equal(a.LocalEndPoint, b.GetStatistics().LatchedRemote);
        Assert.Equal(0, c.RtpDatagramsHandled);
        Assert.True(b.GetStatistics().PacketsDiscarded >= 19);

        // a goes quiet (its call moved); after 200 ms of silence c's stream takes over.
        a.Source = null;
        rig.Tick(15);
        Assert.Equal(c.LocalEndPoint, b.GetStatistics().LatchedRemote);
        var before = c.RtpDatagramsHandled;
        rig.Tick(5);
        Assert.Equal(before + 5, c.RtpDatagramsHandled);
    }

    [Fact]
    public void Rtp_timeout_is_raised_once_per_silence_while_receiving()
    {
        using var rig = new LoopbackRig(new MediaStreamOptions { RtpTimeout = TimeSpan.FromSeconds(1) });
        var a = rig.Open();
        var b = rig.Open();
        rig.Tick(100); // ports opened for an offer; the answer comes two seconds later
        LoopbackRig.Connect(a, b);
        var timeouts = 0;
        b.RtpTimeout += _ => timeouts++;
        a.Source = new ToneGenerator(ToneSpec.TestTone);
        rig.Tick(60);
        Assert.Equal(0, timeouts);
        a.Source = null;
        rig.Tick(49);
        Assert.Equal(0, timeouts);
        rig.Tick(60);
        Assert.Equal(1, timeouts);
        a.Source = new ToneGenerator(ToneSpec.TestTone);
        rig.Tick(5);
        a.Source = null;
        rig.Tick(55);
        Assert.Equal(2, timeouts);
        // On hold (not receiving) silence is expected and raises nothing.
        b.Direction = MediaDirection.SendOnly;
        rig.Tick(100);
        Assert.Equal(2, timeouts);
    }

    [Fact]
    public void Rtcp_reports_flow_both_ways_with_loss_jitter_and_round_trip()
    {
        using var rig = new LoopbackRig();
        var a = rig.Open();
        var b = rig.Open();
        LoopbackRig.Connect(a, b);
        a.Source = new ToneGenerator(ToneSpec.TestTone);
        b.Source = new ToneGenerator(ToneSpec.TestTone);
        // RFC 3550 §6.3: the first report within 2.5 s × [0.5, 1.5] / 1.218, then every ~5 s.
        rig.Tick(600);
        foreach (var stream in new[] { a, b })
        {
            var statistics = stream.GetStatistics();
            Assert.InRange(statistics.RtcpPacketsReceived, 2, 5);
            Assert.Equal((byte)0, statistics.RemoteFractionLost);
            Assert.Equal(0, statistics.RemotePacketsLost);
            Assert.NotNull(statistics.RoundTripTime);
            // Fake time stands still while packets cross, so the measured round trip is (within rounding) zero.
            Assert.True(statistics.RoundTripTime!.Value < TimeSpan.FromMilliseconds(1));
        }
    }

    [Fact]
    public async Task Closing_a_stream_says_goodbye_over_rtcp()
    {
        using var rig = new LoopbackRig();
        var a = rig.Open();
        var b = rig.Open();
        LoopbackRig.Connect(a, b);
        a.Source = new ToneGenerator(ToneSpec.TestTone);
        var goodbyes = 0;
        b.RemoteGoodbye += _ => Interlocked.Increment(ref goodbyes);
        rig.Tick(5);
        a.Dispose();
        rig.WaitForDelivery();
        Assert.Equal(1, goodbyes);
        await a.Completion.WaitAsync(TimeSpan.FromSeconds(5));
        Assert.Equal(0, b.GetStatistics().TransportErrors);
    }
}
