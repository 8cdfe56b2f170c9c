using System.Net;
using Huawu.Media.Dtmf;
using Huawu.Media.Rtp;

namespace Huawu.Media.Streams;

public sealed partial class MediaStream
{
    private readonly Lock _dtmfGate = new();
    private readonly DtmfSender _dtmfSender = new();
    private readonly byte[] _dtmfPayload = new byte[TelephoneEvent.Length];

    /// <summary>
    /// Queues a key to send as RFC 4733 telephone events. False when the key is not DTMF, telephone-event
    /// was not negotiated (play <see cref="Dsp.DtmfTones"/> in-band instead), or the queue is full.
    /// </summary>
    public bool TrySendDtmf(char key, TimeSpan duration)
    {
        var format = _format;
        if (format?.TelephoneEventPayloadType is null || !DtmfDigits.TryGetEventCode(key, out var code)) return false;
        var units = (int)(duration.TotalSeconds * format.Codec.ClockRate);
        if (units <= 0) return false;
        lock (_dtmfGate) return _dtmfSender.TryEnqueue(code, units);
    }

    private bool TrySendDtmfPacket(StreamFormat format, uint timestamp, SocketAddress remote)
    {
        if (format.TelephoneEventPayloadType is not { } payloadType) return false;
        DtmfPacket packet;
        lock (_dtmfGate)
        {
            if (!_dtmfSender.TryWriteNext(timestamp, format.TimestampUnitsPerFrame, _dtmfPayload, out packet)) return false;
        }
        var header = new RtpHeader(payloadType, _sequence++, packet.Timestamp, _ssrc, packet.Marker);
        var length = RtpPacketWriter.WriteHeader(_sendBuffer, header);
        _dtmfPayload.AsSpan(0, packet.PayloadLength).CopyTo(_sendBuffer.AsSpan(length));
        _sockets.SendRtp(_sendBuffer.AsSpan(0, length + packet.PayloadLength), remote);
        CountSent(packet.PayloadLength);
        return true;
    }
}
