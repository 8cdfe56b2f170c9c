using Huawu.Media.Rtcp;

namespace Huawu.Media.Tests.Rtcp;

/// <summary>RFC 3550 §6.3.1 and §A.7: the RTCP interval.</summary>
public sealed class RtcpIntervalTests
{
    private const double Compensation = 2.71828 - 1.5;

    [Theory]
    [InlineData(0.0, 0.5)]
    [InlineData(0.5, 1.0)]
    [InlineData(0.999, 1.499)]
    public void A_small_session_uses_the_five_second_minimum_randomized_and_compensated(double random, double factor)
    {
        // Two members of a G.711 call: 5 % of ~80 kbit/s is 500 octets/s, far above what two 100-octet reports need.
        var interval = RtcpInterval.Compute(2, 2, 500, weSent: true, 100, initial: false, random);
        Assert.Equal(5 * factor / Compensation, interval.TotalSeconds, 6);
    }

    [Fact]
    public void The_first_report_halves_the_minimum()
    {
        var interval = RtcpInterval.Compute(2, 1, 500, weSent: false, 100, initial: true, 0.5);
        Assert.Equal(2.5 / Compensation, interval.TotalSeconds, 6);
    }

    [Fact]
    public void A_large_session_spreads_receivers_over_their_bandwidth_share()
    {
        // 1000 members, 1 sender: a receiver shares 75 % of 500 octets/s with 999 others.
        var interval = RtcpInterval.Compute(1000, 1, 500, weSent: false, 100, initial: false, 0.5);
        Assert.Equal(100.0 * 999 / (500 * 0.75) / Compensation, interval.TotalSeconds, 6);
        // The lone sender shares 25 % with nobody: back at the minimum.
        var sender = RtcpInterval.Compute(1000, 1, 500, weSent: true, 100, initial: false, 0.5);
        Assert.Equal(5 / Compensation, sender.TotalSeconds, 6);
    }

    [Fact]
    public void The_average_size_moves_a_sixteenth_toward_each_packet()
    {
        Assert.Equal(100 + ((200 - 100) / 16.0), RtcpInterval.UpdateAveragePacketSize(100, 200), 9);
    }
}
