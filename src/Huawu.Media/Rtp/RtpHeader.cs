namespace Huawu.Media.Rtp;

/// <summary>The fields of an outgoing RTP fixed header (RFC 3550 §5.1); version 2 is implied.</summary>
public readonly record struct RtpHeader(byte PayloadType, ushort SequenceNumber, uint Timestamp, uint Ssrc, bool Marker = false);
