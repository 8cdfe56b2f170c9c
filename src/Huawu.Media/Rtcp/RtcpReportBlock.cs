namespace Huawu.Media.Rtcp;

/// <summary>
/// One reception report block of an SR or RR (RFC 3550 §6.4.1). <see cref="CumulativeLost"/> is a 24-bit
/// signed number; <see cref="DelaySinceLastSenderReport"/> is in units of 1/65536 s.
/// </summary>
public readonly record struct RtcpReportBlock(
    uint Ssrc,
    byte FractionLost,
    int CumulativeLost,
    uint ExtendedHighestSequence,
    uint Jitter,
    uint LastSenderReport,
    uint DelaySinceLastSenderReport)
{
    /// <summary>The size of a report block on the wire.</summary>
    public const int Length = 24;
}
