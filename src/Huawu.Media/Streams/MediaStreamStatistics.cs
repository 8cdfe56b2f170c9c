using System.Net;
using Huawu.Media.Jitter;

namespace Huawu.Media.Streams;

/// <summary>
/// A snapshot of a stream's counters. Received-side loss and jitter are ours about the peer (RFC 3550 §A.3,
/// §A.8); the Remote* values are the peer's last report about us; RoundTripTime comes from LSR/DLSR (§6.4.1).
/// TransportErrors counts datagrams the OS refused to send plus received ones whose handling failed.
/// </summary>
public readonly record struct MediaStreamStatistics(
    long PacketsSent,
    long OctetsSent,
    long PacketsReceived,
    int PacketsLost,
    TimeSpan Jitter,
    long PacketsDiscarded,
    long DtmfDigitsReceived,
    long RtcpPacketsSent,
    long RtcpPacketsReceived,
    byte? RemoteFractionLost,
    int? RemotePacketsLost,
    TimeSpan? RemoteJitter,
    TimeSpan? RoundTripTime,
    IPEndPoint? LatchedRemote,
    long TransportErrors,
    JitterBufferCounters JitterBuffer);
