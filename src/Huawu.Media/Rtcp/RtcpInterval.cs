namespace Huawu.Media.Rtcp;

/// <summary>
/// The RTCP transmission interval of RFC 3550 §6.3.1 and §A.7 (without timer reconsideration): a share of
/// 5 % of the session bandwidth, a 5 s minimum (halved before the first report), randomized over
/// [0.5, 1.5] and divided by e − 3/2 to compensate for the randomization.
/// </summary>
public static class RtcpInterval
{
    private static readonly TimeSpan MinimumInterval = TimeSpan.FromSeconds(5);
    private const double SenderBandwidthFraction = 0.25;
    private const double ReceiverBandwidthFraction = 1 - SenderBandwidthFraction;
    private const double Compensation = 2.71828 - 1.5;

    /// <summary>
    /// Computes the next interval. <paramref name="rtcpBandwidth"/> is in octets per second,
    /// <paramref name="averagePacketSize"/> in octets including UDP and IP headers, and
    /// <paramref name="random"/> a draw from [0, 1).
    /// </summary>
    public static TimeSpan Compute(
        int members, int senders, double rtcpBandwidth, bool weSent, double averagePacketSize, bool initial, double random)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(members, 1);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(rtcpBandwidth);
        var minimum = initial ? MinimumInterval / 2 : MinimumInterval;
        double participants = members;
        // §6.3.1: when senders are at most a quarter of members, senders share 25 % of the RTCP bandwidth.
        if (senders <= members * SenderBandwidthFraction)
        {
            if (weSent)
            {
                rtcpBandwidth *= SenderBandwidthFraction;
                participants = senders;
            }
            else
            {
                rtcpBandwidth *= ReceiverBandwidthFraction;
                participants -= senders;
            }
        }
        var seconds = Math.Max(averagePacketSize * participants / rtcpBandwidth, minimum.TotalSeconds);
        return TimeSpan.FromSeconds(seconds * (random + 0.5) / Compensation);
    }

    /// <summary>Updates the running average RTCP packet size with one sent or received packet (§6.3.3: weight 1/16).</summary>
    public static double UpdateAveragePacketSize(double average, int packetSize) => (packetSize / 16.0) + (15.0 / 16.0 * average);
}
