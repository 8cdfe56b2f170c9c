namespace Huawu.Media.Rtcp;

/// <summary>The sender information of an SR (RFC 3550 §6.4.1): wallclock and RTP time of one instant, and counts.</summary>
public readonly record struct RtcpSenderInfo(ulong NtpTimestamp, uint RtpTimestamp, uint PacketCount, uint OctetCount)
{
    /// <summary>The middle 32 bits of the NTP timestamp, echoed as LSR in report blocks (RFC 3550 §6.4.1).</summary>
    public uint CompactNtp => (uint)(NtpTimestamp >> 16);
}
