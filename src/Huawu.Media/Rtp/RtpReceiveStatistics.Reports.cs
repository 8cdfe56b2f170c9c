namespace Huawu.Media.Rtp;

internal sealed partial class RtpReceiveStatistics
{
    private const int MaxCumulativeLost = 0x7FFFFF;
    private const int MinCumulativeLost = -0x800000;

    private bool _hasTransit;
    private int _transit;
    private uint _jitterScaled;

    /// <summary>Packets expected from the base sequence to the extended highest (RFC 3550 §A.3).</summary>
    public long Expected => (long)ExtendedHighestSequence - _baseSequence + 1;

    /// <summary>
    /// Cumulative packets lost: expected minus received, clamped to the 24-bit signed field of a report
    /// block (RFC 3550 §6.4.1); negative when duplicates arrive.
    /// </summary>
    public int CumulativeLost => (int)Math.Clamp(Expected - _received, MinCumulativeLost, MaxCumulativeLost);

    /// <summary>Interarrival jitter in timestamp units (RFC 3550 §A.8).</summary>
    public uint Jitter => _jitterScaled >> 4;

    /// <summary>
    /// Records a valid packet's arrival for the jitter estimate. <paramref name="arrival"/> is the arrival
    /// time in this source's timestamp units (any fixed origin).
    /// </summary>
    public void RecordArrival(uint rtpTimestamp, uint arrival)
    {
        // §A.8: D(i-1,i) = (Rj - Ri) - (Sj - Si); J += (|D| - J) / 16, kept scaled by 16 in integers.
        var transit = (int)(arrival - rtpTimestamp);
        if (_hasTransit)
        {
            var difference = Math.Abs((long)transit - _transit);
            _jitterScaled = (uint)(_jitterScaled + difference - ((_jitterScaled + 8) >> 4));
        }
        _transit = transit;
        _hasTransit = true;
    }

    /// <summary>
    /// The fraction lost since the previous call, as the 8-bit fixed-point number of a report block
    /// (RFC 3550 §A.3); starts a new interval.
    /// </summary>
    public byte TakeFractionLost()
    {
        var expected = Expected;
        var expectedInterval = expected - _expectedPrior;
        _expectedPrior = (uint)expected;
        var receivedInterval = (long)_received - _receivedPrior;
        _receivedPrior = _received;
        var lostInterval = expectedInterval - receivedInterval;
        if (expectedInterval == 0 || lostInterval <= 0) return 0;
        return (byte)Math.Min(255, (lostInterval << 8) / expectedInterval);
    }

    private void ResetJitter()
    {
        _hasTransit = false;
        _transit = 0;
        _jitterScaled = 0;
    }
}
