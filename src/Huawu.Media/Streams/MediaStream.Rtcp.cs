using System.Net;
using Huawu.Media.Clock;
using Huawu.Media.Rtcp;
using Huawu.Media.Transport;

namespace Huawu.Media.Streams;

public sealed partial class MediaStream
{
    private const int UdpIpOverhead = 28;
    private readonly byte[] _rtcpBuffer = new byte[512];
    private long _nextReportDue = -1;
    private double _averageRtcpSize = 128;
    private bool _sentSinceReport;
    private bool _peerSentSinceReport;
    private uint _lastSenderReport;
    private long _lastSenderReportArrival;
    private RtcpReportBlock? _remoteReport;
    private TimeSpan? _roundTripTime;
    private long _rtcpSent;
    private long _rtcpReceived;
    private uint _currentRtpTimestamp;

    /// <summary>Sends SR or RR plus SDES when the RTCP interval (RFC 3550 §6.3, §A.7) has run out.</summary>
    private void MaybeSendReport(in MediaTick tick)
    {
        if (_nextReportDue < 0)
        {
            ScheduleReport(tick.Timestamp, initial: true);
            return;
        }
        if (tick.Timestamp < _nextReportDue) return;
        SendReport(_rtcpBuffer, goodbye: false);
        ScheduleReport(tick.Timestamp, initial: false);
    }

    private void ScheduleReport(long now, bool initial)
    {
        var senders = (_sentSinceReport ? 1 : 0) + (_peerSentSinceReport ? 1 : 0);
        var interval = RtcpInterval.Compute(
            members: 2, senders, _options.SessionBandwidth / 8.0 * 0.05, _sentSinceReport, _averageRtcpSize, initial, Random.Shared.NextDouble());
        _nextReportDue = now + (long)(interval.TotalSeconds * _time.TimestampFrequency);
    }

    private void SendReport(byte[] buffer, bool goodbye)
    {
        var remote = _remoteRtcp;
        var format = _format;
        if (remote is null || format is null) return;
        var writer = new RtcpCompoundWriter(buffer);
        Span<RtcpReportBlock> blocks = stackalloc RtcpReportBlock[1];
        var blockCount = TryTakeReportBlock(out blocks[0]) ? 1 : 0;
        if (_sentSinceReport)
        {
            // §6.4.1: the RTP timestamp of (about) the same instant as the NTP time: the current tick's.
            var info = new RtcpSenderInfo(NtpTimestamp.FromDateTime(_time.GetUtcNow()), _currentRtpTimestamp, (uint)Interlocked.Read(ref _packetsSent), (uint)Interlocked.Read(ref _octetsSent));
            writer.TryWriteSenderReport(_ssrc, info, blocks[..blockCount]);
        }
        else
        {
            writer.TryWriteReceiverReport(_ssrc, blocks[..blockCount]);
        }
        writer.TryWriteCanonicalName(_ssrc, _canonicalName);
        if (goodbye) writer.TryWriteGoodbye([_ssrc], []);
        _sockets.SendRtcp(buffer.AsSpan(0, writer.Length), remote);
        Interlocked.Increment(ref _rtcpSent);
        _averageRtcpSize = RtcpInterval.UpdateAveragePacketSize(_averageRtcpSize, writer.Length + UdpIpOverhead);
        _sentSinceReport = false;
        _peerSentSinceReport = false;
    }

    /// <summary>The report block about the peer's stream (RFC 3550 §6.4.1), starting a new loss interval.</summary>
    private bool TryTakeReportBlock(out RtcpReportBlock block)
    {
        lock (_receiveGate)
        {
            var statistics = _receiveStatistics;
            if (statistics is null || !statistics.IsValidated)
            {
                block = default;
                return false;
            }
            var delay = _lastSenderReport == 0 ? 0 : NtpTimestamp.ToCompactDuration(_time.GetElapsedTime(_lastSenderReportArrival));
            block = new RtcpReportBlock(
                statistics.Ssrc, statistics.TakeFractionLost(), statistics.CumulativeLost, statistics.ExtendedHighestSequence,
                statistics.Jitter, _lastSenderReport, delay);
            return true;
        }
    }

    /// <summary>RR or SR, SDES and BYE; its own buffer, as a tick that was running when Dispose began may still use the other.</summary>
    private void SendGoodbye()
    {
        if (_format is not null) SendReport(new byte[_rtcpBuffer.Length], goodbye: true);
    }

    /// <summary>Reads the peer's reports (LSR for our reports, its view of our stream, RTT) and BYE (RFC 3550 §6.4, §6.6).</summary>
    private void OnRtcp(ReadOnlySpan<byte> datagram, SocketAddress source)
    {
        try
        {
            HandleRtcp(datagram, source);
        }
        finally
        {
            Interlocked.Increment(ref _rtcpDatagrams);
        }
    }

    private long _rtcpDatagrams;

    /// <summary>RTCP datagrams handled, valid or not.</summary>
    internal long RtcpDatagramsHandled => Interlocked.Read(ref _rtcpDatagrams);

    /// <summary>RTCP compound packets sent (cheap, for polling).</summary>
    public long RtcpPacketsSent => Interlocked.Read(ref _rtcpSent);

    private void HandleRtcp(ReadOnlySpan<byte> datagram, SocketAddress source)
    {
        if (RtcpCompoundReader.TryCreate(datagram, out var reader) != RtcpParseStatus.Ok)
        {
            Interlocked.Increment(ref _packetsDiscarded);
            return;
        }
        var arrival = _time.GetTimestamp();
        var arrivalNtp = (uint)(NtpTimestamp.FromDateTime(_time.GetUtcNow()) >> 16);
        var goodbye = false;
        lock (_receiveGate)
        {
            Interlocked.Increment(ref _rtcpReceived);
            while (reader.TryReadNext(out var packet))
            {
                var fromPeer = _latch.Latched is not null && packet.Ssrc == _latch.LatchedSsrc;
                switch (packet.Type)
                {
                    case RtcpPacketType.SenderReport:
                        _lastSenderReport = packet.SenderInfo.CompactNtp;
                        _lastSenderReportArrival = arrival;
                        ReadReportBlocks(packet, arrivalNtp);
                        break;
                    case RtcpPacketType.ReceiverReport:
                        ReadReportBlocks(packet, arrivalNtp);
                        break;
                    case RtcpPacketType.Goodbye:
                        for (var i = 0; i < packet.Count; i++) goodbye |= _latch.Latched is not null && packet.GetGoodbyeSsrc(i) == _latch.LatchedSsrc;
                        break;
                }
                if (fromPeer && packet.Type is RtcpPacketType.SenderReport or RtcpPacketType.ReceiverReport && !_remoteRtcp!.Equals(source))
                {
                    // Symmetric RTCP (RFC 4961 §4): answer where the peer's RTCP comes from.
                    _remoteRtcp = SymmetricRtpLatch.Copy(source);
                    _rtcpLatched = true;
                }
            }
        }
        if (goodbye) RemoteGoodbye?.Invoke(this);
    }

    private void ReadReportBlocks(in RtcpPacketView packet, uint arrivalNtp)
    {
        for (var i = 0; i < packet.Count; i++)
        {
            var block = packet.GetReportBlock(i);
            if (block.Ssrc != _ssrc) continue;
            _remoteReport = block;
            if (block.LastSenderReport == 0) continue;
            // §6.4.1: RTT = A − LSR − DLSR in 1/65536 s; a "negative" result (clock trouble) wraps huge and is ignored.
            var roundTrip = unchecked(arrivalNtp - block.LastSenderReport - block.DelaySinceLastSenderReport);
            if (roundTrip < 65536 * 60) _roundTripTime = NtpTimestamp.FromCompactDuration(roundTrip);
        }
    }
}
