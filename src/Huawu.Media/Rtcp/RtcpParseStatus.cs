namespace Huawu.Media.Rtcp;

/// <summary>Why a compound RTCP packet was rejected (RFC 3550 §6.1 and the checks of §A.2).</summary>
public enum RtcpParseStatus
{
    Ok = 0,

    /// <summary>Shorter than one 4-byte header, or not whole 32-bit words.</summary>
    TooShort,

    /// <summary>A packet's version is not 2.</summary>
    BadVersion,

    /// <summary>The first packet is not an SR or RR (§6.1: every compound packet starts with a report).</summary>
    FirstNotReport,

    /// <summary>A length field runs past the end, or the lengths do not add up to the datagram.</summary>
    BadLength,

    /// <summary>Padding on a packet other than the last, or a padding count that does not fit.</summary>
    BadPadding,

    /// <summary>An SR, RR or BYE too short for the counts its header claims.</summary>
    BadCount,
}
