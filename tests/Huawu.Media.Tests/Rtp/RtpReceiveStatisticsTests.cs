using Huawu.Media.Rtp;

namespace Huawu.Media.Tests.Rtp;

/// <summary>RFC 3550 Appendix A.1 (sequence validation), A.3 (loss) and A.8 (jitter).</summary>
public sealed class RtpReceiveStatisticsTests
{
    private static RtpReceiveStatistics Validated(ushort first)
    {
        var statistics = new RtpReceiveStatistics(1, first);
        Assert.Equal(RtpSequenceResult.Probation, statistics.Update(first));
        Assert.Equal(RtpSequenceResult.Valid, statistics.Update((ushort)(first + 1)));
        return statistics;
    }

    [Fact]
    public void A_source_is_valid_after_two_sequential_packets()
    {
        // §A.1: MIN_SEQUENTIAL = 2; the first packet is held on probation.
        var statistics = new RtpReceiveStatistics(1, 100);
        Assert.Equal(RtpSequenceResult.Probation, statistics.Update(100));
        Assert.False(statistics.IsValidated);
        Assert.Equal(RtpSequenceResult.Valid, statistics.Update(101));
        Assert.True(statistics.IsValidated);
        Assert.Equal(1u, statistics.Received);
    }

    [Fact]
    public void A_non_sequential_packet_restarts_probation()
    {
        var statistics = new RtpReceiveStatistics(1, 100);
        statistics.Update(100);
        Assert.Equal(RtpSequenceResult.Probation, statistics.Update(150));
        Assert.Equal(RtpSequenceResult.Valid, statistics.Update(151));
    }

    [Fact]
    public void Wraparound_adds_a_cycle_to_the_extended_sequence()
    {
        var statistics = Validated(65534);
        Assert.Equal(RtpSequenceResult.Valid, statistics.Update(0));
        Assert.Equal(RtpSequenceResult.Valid, statistics.Update(1));
        Assert.Equal(0x10001u, statistics.ExtendedHighestSequence);
        // The base is the packet that ended probation (65535): 65535, 0 and 1 expected.
        Assert.Equal(3, statistics.Expected);
        Assert.Equal(0, statistics.CumulativeLost);
    }

    [Fact]
    public void Loss_and_fraction_lost_follow_A3()
    {
        var statistics = Validated(1000);
        // 1001 was the base; receive 1002..1010 except 1004 and 1007: 10 expected, 8 received.
        foreach (var seq in new ushort[] { 1002, 1003, 1005, 1006, 1008, 1009, 1010 }) statistics.Update(seq);
        Assert.Equal(10, statistics.Expected);
        Assert.Equal(2, statistics.CumulativeLost);
        Assert.Equal((byte)(2 * 256 / 10), statistics.TakeFractionLost());
        // The next interval starts afresh: no loss in it.
        statistics.Update(1011);
        Assert.Equal(0, statistics.TakeFractionLost());
    }

    [Fact]
    public void Duplicates_make_cumulative_loss_negative_and_the_fraction_zero()
    {
        var statistics = Validated(10);
        // Base 11 (end of probation), highest 12: 2 expected, but 11 and 12 arrive twice each: 4 received.
        statistics.Update(12);
        statistics.Update(12);
        statistics.Update(11);
        Assert.Equal(2, statistics.Expected);
        Assert.Equal(-2, statistics.CumulativeLost);
        Assert.Equal(0, statistics.TakeFractionLost());
    }

    [Fact]
    public void Misordered_packets_within_MAX_MISORDER_are_valid_and_do_not_move_the_highest()
    {
        var statistics = Validated(500);
        statistics.Update(600);
        Assert.Equal(RtpSequenceResult.Valid, statistics.Update(550));
        Assert.Equal(600u, statistics.ExtendedHighestSequence);
    }

    [Fact]
    public void A_big_jump_is_bad_until_the_next_packet_follows_it_and_then_restarts()
    {
        // §A.1: a jump beyond MAX_DROPOUT (3000) is accepted only if the next packet is sequential to it.
        var statistics = Validated(100);
        Assert.Equal(RtpSequenceResult.BadSequence, statistics.Update(20000));
        Assert.Equal(RtpSequenceResult.Valid, statistics.Update(102));
        Assert.Equal(RtpSequenceResult.BadSequence, statistics.Update(30000));
        Assert.Equal(RtpSequenceResult.Restarted, statistics.Update(30001));
        Assert.Equal(30001u, statistics.ExtendedHighestSequence);
        Assert.Equal(1, statistics.Expected);
        Assert.Equal(1u, statistics.Received);
    }

    [Fact]
    public void Jitter_is_zero_for_constant_transit_and_converges_to_the_mean_deviation()
    {
        var statistics = Validated(0);
        for (uint i = 0; i < 50; i++) statistics.RecordArrival(i * 160, (i * 160) + 1000);
        Assert.Equal(0u, statistics.Jitter);
        // Alternate transit by 80 units: |D| = 80 every packet, so J tends to 80 (§A.8: J += (|D| − J)/16).
        for (uint i = 50; i < 400; i++) statistics.RecordArrival(i * 160, (i * 160) + 1000 + (i % 2 * 80));
        Assert.InRange(statistics.Jitter, 78u, 80u);
    }
}
