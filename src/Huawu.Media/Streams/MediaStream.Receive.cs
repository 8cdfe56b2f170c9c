using System.Diagnostics.CodeAnalysis;
using System.Net;
using Huawu.Media.Dtmf;
using Huawu.Media.Rtp;
using Huawu.Media.Transport;

namespace Huawu.Media.Streams;

public sealed partial class MediaStream
{
    private readonly SymmetricRtpLatch _latch;
    private readonly DtmfReceiver _dtmfReceiver = new();
    private RtpReceiveStatistics? _receiveStatistics;
    private bool _rtcpLatched;
    private long _lastRtpArrival;
    private long _packetsReceived;
    private long _packetsDiscarded;
    private long _dtmfDigitsReceived;

    /// <summary>
    /// One RTP datagram from the receive loop: validate (RFC 3550 §5.1, §A.1), check the payload type, latch
    /// the source (RFC 4961), then hand audio to the jitter buffer or telephone events to the DTMF receiver.
    /// </summary>
    private void OnRtp(ReadOnlySpan<byte> datagram, SocketAddress source)
    {
        try
        {
            HandleRtp(datagram, source);
        }
        finally
        {
            // Counted once handled, so a test that sees the count knows the packet is buffered.
            Interlocked.Increment(ref _rtpDatagrams);
        }
    }

    private long _rtpDatagrams;

    /// <summary>RTP datagrams handled, valid or not.</summary>
    internal long RtpDatagramsHandled => Interlocked.Read(ref _rtpDatagrams);

    private void HandleRtp(ReadOnlySpan<byte> datagram, SocketAddress source)
    {
        if (RtpPacketView.TryParse(datagram, out var packet) != RtpParseStatus.Ok)
        {
            Interlocked.Increment(ref _packetsDiscarded);
            return;
        }
        DtmfDigit digit = default;
        var hasDigit = false;
        lock (_receiveGate)
        {
            if (!TryAccept(packet, source, out var format))
            {
                Interlocked.Increment(ref _packetsDiscarded);
                return;
            }
            var arrival = _time.GetTimestamp();
            Volatile.Write(ref _lastRtpArrival, arrival);
            if (_receiveStatistics is null || _receiveStatistics.Ssrc != packet.Ssrc)
            {
                // A new source: fresh sequence state (§A.1) and unrelated event timestamps.
                _receiveStatistics = new RtpReceiveStatistics(packet.Ssrc, packet.SequenceNumber);
                _dtmfReceiver.Reset();
            }
            var check = _receiveStatistics.Update(packet.SequenceNumber);
            if (check is RtpSequenceResult.Probation or RtpSequenceResult.BadSequence)
            {
                Interlocked.Increment(ref _packetsDiscarded);
                return;
            }
            _receiveStatistics.RecordArrival(packet.Timestamp, ArrivalUnits(arrival, format.Codec.ClockRate));
            Interlocked.Increment(ref _packetsReceived);
            _peerSentSinceReport = true;
            if (packet.PayloadType == format.TelephoneEventPayloadType) hasDigit = _dtmfReceiver.TryProcess(packet.Timestamp, packet.Payload, out digit);
            else format.JitterBuffer.Put(packet.Ssrc, packet.SequenceNumber, packet.Timestamp, packet.Payload);
        }
        if (hasDigit)
        {
            Interlocked.Increment(ref _dtmfDigitsReceived);
            DtmfReceived?.Invoke(this, digit);
        }
    }

    /// <summary>Payload type and source checks; under the receive lock.</summary>
    private bool TryAccept(in RtpPacketView packet, SocketAddress source, [NotNullWhen(true)] out StreamFormat? format)
    {
        format = _format;
        if (format is null) return false;
        if (packet.PayloadType != format.PayloadType && packet.PayloadType != format.TelephoneEventPayloadType) return false;
        switch (_latch.Evaluate(source, packet.Ssrc))
        {
            case LatchDecision.Reject:
                return false;
            case LatchDecision.Latched:
                // RFC 4961: send where the peer sends from. RTCP follows to the next port until the peer's RTCP is heard.
                _remoteRtp = _latch.Latched;
                if (!_rtcpLatched) _remoteRtcp = WithNextPort(_latch.Latched!);
                break;
        }
        // On hold (sendonly/inactive) the source is still learned, but its audio is not played.
        return _direction.Receives();
    }

    /// <summary>The arrival time in the sender's timestamp units, for the jitter estimate (§A.8).</summary>
    private uint ArrivalUnits(long arrival, int clockRate) =>
        (uint)(long)(_time.GetElapsedTime(_createdAt, arrival).TotalSeconds * clockRate);

    private static SocketAddress WithNextPort(SocketAddress address)
    {
        var endPoint = (IPEndPoint)new IPEndPoint(IPAddress.Any, 0).Create(address);
        return new IPEndPoint(endPoint.Address, endPoint.Port + 1).Serialize();
    }

    private void CheckRtpTimeout(long now)
    {
        if (!_direction.Receives()) return;
        var silent = _time.GetElapsedTime(Volatile.Read(ref _lastRtpArrival), now) >= _options.RtpTimeout;
        if (silent == _rtpTimedOut) return;
        _rtpTimedOut = silent;
        if (silent) RtpTimeout?.Invoke(this);
    }

    private bool _rtpTimedOut;

    private sealed class PacketReceiver(MediaStream stream) : IRtpPacketReceiver
    {
        public void OnRtp(ReadOnlySpan<byte> datagram, SocketAddress source) => stream.OnRtp(datagram, source);

        public void OnRtcp(ReadOnlySpan<byte> datagram, SocketAddress source) => stream.OnRtcp(datagram, source);
    }
}
