using System.Net;
using Huawu.Media.Transport;
using Huawu.Testing;

namespace Huawu.Media.Tests.Transport;

/// <summary>RFC 4961 symmetric RTP latching, guarded against injected packets.</summary>
public sealed class SymmetricRtpLatchTests
{
    private static readonly SocketAddress Peer = new IPEndPoint(IPAddress.Parse("192.0.2.10"), 4000).Serialize();
    private static readonly SocketAddress Moved = new IPEndPoint(IPAddress.Parse("192.0.2.10"), 4100).Serialize();
    private static readonly SocketAddress Stranger = new IPEndPoint(IPAddress.Parse("198.51.100.7"), 5000).Serialize();

    [Fact]
    public void The_first_source_is_latched_and_then_accepted()
    {
        var latch = new SymmetricRtpLatch(new ManualTimeProvider(), TimeSpan.FromMilliseconds(500));
        Assert.Equal(LatchDecision.Latched, latch.Evaluate(Peer, 1));
        Assert.Equal(Peer, latch.Latched);
        Assert.Equal(LatchDecision.Accept, latch.Evaluate(Peer, 1));
    }

    [Fact]
    public void The_same_ssrc_from_a_new_port_follows_at_once()
    {
        // A NAT re-mapped the peer: same stream (SSRC), new address.
        var latch = new SymmetricRtpLatch(new ManualTimeProvider(), TimeSpan.FromMilliseconds(500));
        latch.Evaluate(Peer, 1);
        Assert.Equal(LatchDecision.Latched, latch.Evaluate(Moved, 1));
        Assert.Equal(Moved, latch.Latched);
    }

    [Fact]
    public void Another_source_is_rejected_while_the_latched_one_is_live()
    {
        var time = new ManualTimeProvider();
        var latch = new SymmetricRtpLatch(time, TimeSpan.FromMilliseconds(500));
        latch.Evaluate(Peer, 1);
        for (var i = 0; i < 50; i++)
        {
            time.Advance(20);
            Assert.Equal(LatchDecision.Accept, latch.Evaluate(Peer, 1));
            Assert.Equal(LatchDecision.Reject, latch.Evaluate(Stranger, 666));
        }
        Assert.Equal(Peer, latch.Latched);
    }

    [Fact]
    public void A_new_source_takes_over_after_the_old_one_falls_silent_and_it_sends_in_a_row()
    {
        var time = new ManualTimeProvider();
        var latch = new SymmetricRtpLatch(time, TimeSpan.FromMilliseconds(500));
        latch.Evaluate(Peer, 1);
        time.Advance(400);
        Assert.Equal(LatchDecision.Reject, latch.Evaluate(Stranger, 2));
        time.Advance(100);
        // Silent for 500 ms now, and this is the stranger's second packet in a row with one SSRC.
        Assert.Equal(LatchDecision.Latched, latch.Evaluate(Stranger, 2));
        Assert.Equal(Stranger, latch.Latched);
        Assert.Equal(2u, latch.LatchedSsrc);
    }

    [Fact]
    public void Reset_lets_the_next_source_latch()
    {
        var latch = new SymmetricRtpLatch(new ManualTimeProvider(), TimeSpan.FromMilliseconds(500));
        latch.Evaluate(Peer, 1);
        latch.Reset();
        Assert.Null(latch.Latched);
        Assert.Equal(LatchDecision.Latched, latch.Evaluate(Stranger, 9));
    }
}
