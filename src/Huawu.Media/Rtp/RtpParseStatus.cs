namespace Huawu.Media.Rtp;

/// <summary>Why an RTP packet was rejected by <see cref="RtpPacketView.TryParse"/> (RFC 3550 §5.1, A.1).</summary>
public enum RtpParseStatus
{
    Ok = 0,

    /// <summary>Shorter than the 12-byte fixed header.</summary>
    TooShort,

    /// <summary>The version field is not 2.</summary>
    BadVersion,

    /// <summary>The CSRC count claims more identifiers than the packet holds.</summary>
    TruncatedCsrcList,

    /// <summary>The X bit is set but the extension header or its data runs past the end.</summary>
    TruncatedExtension,

    /// <summary>The P bit is set but the padding count is zero or larger than the bytes after the headers.</summary>
    BadPadding,
}
