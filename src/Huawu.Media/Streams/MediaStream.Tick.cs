using System.Net;
using Huawu.Media.Clock;
using Huawu.Media.Jitter;
using Huawu.Media.Rtp;

namespace Huawu.Media.Streams;

public sealed partial class MediaStream
{
    private const int MaxDatagram = 1500;
    private readonly byte[] _sendBuffer = new byte[MaxDatagram];
    private ushort _sequence;
    private bool _talkspurtStart = true;
    private long _receivedTick = -1;
    private JitterFrameKind _receivedKind;
    private long _packetsSent;
    private long _octetsSent;

    /// <summary>Receive phase: take this tick's frame from the jitter buffer (silence when not receiving) and give it to the taps.</summary>
    private void OnReceivePhase(in MediaTick tick)
    {
        var format = _format;
        if (format is null) return;
        var frame = format.ReceivedFrame;
        var kind = JitterFrameKind.Silence;
        if (_direction.Receives())
        {
            lock (_receiveGate) kind = format.JitterBuffer.Take(frame.Samples);
        }
        else
        {
            frame.Clear();
        }
        _receivedKind = kind;
        _receivedTick = tick.Index;
        foreach (var tap in _receivedTaps) tap.Write(tick, frame);
        CheckRtpTimeout(tick.Timestamp);
    }

    /// <summary>
    /// Send phase: a DTMF event packet if one is playing, else the source's frame encoded, else nothing (the
    /// next packet then starts a talkspurt, marked per RFC 3551 §4.1). The timestamp follows the clock, so
    /// pauses show as timestamp gaps. Taps see what was sent (silence when nothing was).
    /// </summary>
    private void OnSendPhase(in MediaTick tick)
    {
        var format = _format;
        if (format is null) return;
        var frame = format.SentFrame;
        var timestamp = unchecked(_timestampBase + (uint)(tick.Index * format.TimestampUnitsPerFrame));
        _currentRtpTimestamp = timestamp;
        var remote = _remoteRtp;
        var sentAudio = false;
        if (_direction.Sends() && remote is not null)
        {
            if (TrySendDtmfPacket(format, timestamp, remote))
            {
                // The source keeps its own timeline while a key plays; its audio is not sent.
                _source?.TryRead(tick, frame);
                _talkspurtStart = true;
            }
            else if (_source?.TryRead(tick, frame) == true)
            {
                SendAudio(format, frame.Samples, timestamp, remote);
                sentAudio = true;
            }
            else
            {
                _talkspurtStart = true;
            }
        }
        else
        {
            _talkspurtStart = true;
        }
        if (!sentAudio) frame.Clear();
        foreach (var tap in _sentTaps) tap.Write(tick, frame);
        MaybeSendReport(tick);
    }

    private void SendAudio(StreamFormat format, ReadOnlySpan<short> samples, uint timestamp, SocketAddress remote)
    {
        var header = new RtpHeader(format.PayloadType, _sequence++, timestamp, _ssrc, _talkspurtStart);
        var length = RtpPacketWriter.WriteHeader(_sendBuffer, header);
        var payload = format.Encoder.Encode(samples, _sendBuffer.AsSpan(length));
        _sockets.SendRtp(_sendBuffer.AsSpan(0, length + payload), remote);
        _talkspurtStart = false;
        CountSent(payload);
    }

    private void CountSent(int payloadLength)
    {
        Interlocked.Increment(ref _packetsSent);
        Interlocked.Add(ref _octetsSent, payloadLength);
        _sentSinceReport = true;
    }
}
