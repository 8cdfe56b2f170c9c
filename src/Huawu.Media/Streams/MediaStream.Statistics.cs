using System.Net;

namespace Huawu.Media.Streams;

public sealed partial class MediaStream
{
    /// <summary>A consistent snapshot of the stream's counters.</summary>
    public MediaStreamStatistics GetStatistics()
    {
        lock (_receiveGate)
        {
            var statistics = _receiveStatistics;
            var format = _format;
            var clockRate = format?.Codec.ClockRate ?? 8000;
            var latched = _latch.Latched is { } address ? (IPEndPoint)new IPEndPoint(IPAddress.Any, 0).Create(address) : null;
            return new MediaStreamStatistics(
                Interlocked.Read(ref _packetsSent),
                Interlocked.Read(ref _octetsSent),
                Interlocked.Read(ref _packetsReceived),
                statistics?.CumulativeLost ?? 0,
                TimeSpan.FromSeconds((double)(statistics?.Jitter ?? 0) / clockRate),
                Interlocked.Read(ref _packetsDiscarded),
                Interlocked.Read(ref _dtmfDigitsReceived),
                Interlocked.Read(ref _rtcpSent),
                Interlocked.Read(ref _rtcpReceived),
                _remoteReport?.FractionLost,
                _remoteReport?.CumulativeLost,
                _remoteReport is { } report ? TimeSpan.FromSeconds((double)report.Jitter / clockRate) : null,
                _roundTripTime,
                latched,
                _sockets.SendErrors + _sockets.ReceiveFaults,
                format?.JitterBuffer.Counters ?? default);
        }
    }

    /// <summary>Valid RTP packets received so far (cheap, for polling).</summary>
    public long PacketsReceived => Interlocked.Read(ref _packetsReceived);

    /// <summary>RTP packets sent so far (cheap, for polling).</summary>
    public long PacketsSent => Interlocked.Read(ref _packetsSent);
}
