using System.Net;
using System.Security.Cryptography;
using Huawu.Media.Audio;
using Huawu.Media.Clock;
using Huawu.Media.Transport;

namespace Huawu.Media.Streams;

/// <summary>
/// One RTP audio stream of a call leg. Each media clock tick it delivers the received 20 ms frame
/// (decoded from the jitter buffer, concealed when missing) to its taps, then sends the frame its
/// <see cref="Source"/> supplies. Echo, bridges, playback, recording and conferences are wirings of
/// sources and taps (see <see cref="ReceivedAudio"/>). Configure it from SDP with <see cref="Configure"/>.
/// Events are raised on media threads: handlers must be quick and hand work to their owner's mailbox.
/// </summary>
public sealed partial class MediaStream : IDisposable
{
    private readonly RtpSocketPair _sockets;
    private readonly MediaStreamOptions _options;
    private readonly TimeProvider _time;
    private readonly Lock _receiveGate = new();
    private readonly uint _ssrc;
    private readonly uint _timestampBase;
    private readonly byte[] _canonicalName;
    private readonly IDisposable[] _subscriptions;
    private volatile StreamFormat? _format;
    private volatile MediaDirection _direction;
    private volatile SocketAddress? _remoteRtp;
    private volatile SocketAddress? _remoteRtcp;
    private volatile IAudioSource? _source;
    private readonly long _createdAt;
    private int _disposed;

    internal MediaStream(MediaClock clock, RtpSocketPair sockets, MediaStreamOptions options)
    {
        _sockets = sockets;
        _options = options;
        _time = clock.TimeProvider;
        // RFC 3550 §5.1: random SSRC, initial sequence number and timestamp.
        _ssrc = RandomUInt32();
        _sequence = (ushort)RandomUInt32();
        _timestampBase = RandomUInt32();
        _canonicalName = System.Text.Encoding.UTF8.GetBytes(options.CanonicalName ?? Convert.ToHexString(RandomNumberGenerator.GetBytes(8)));
        _latch = new SymmetricRtpLatch(_time, options.RelatchAfterSilence);
        ReceivedAudio = new ReceivedAudioSource(this);
        _createdAt = _time.GetTimestamp();
        _lastRtpArrival = _createdAt;
        _sockets.Start(new PacketReceiver(this));
        _subscriptions =
        [
            clock.Subscribe(new PhaseHandler(this, MediaTickPhase.Receive), MediaTickPhase.Receive),
            clock.Subscribe(new PhaseHandler(this, MediaTickPhase.Send), MediaTickPhase.Send),
        ];
    }

    /// <summary>The local RTP address for SDP; RTCP is on the next port.</summary>
    public IPEndPoint LocalEndPoint => _sockets.LocalEndPoint;

    /// <summary>This stream's SSRC.</summary>
    public uint Ssrc => _ssrc;

    /// <summary>The PCM rate of the negotiated codec (frames given to taps and asked of the source), or 0 before <see cref="Configure"/>.</summary>
    public int SampleRate => _format?.Codec.SampleRate ?? 0;

    /// <summary>Gates sending and receiving (hold is SendOnly or Inactive, RFC 3264 §8.4).</summary>
    public MediaDirection Direction
    {
        get => _direction;
        set
        {
            lock (_receiveGate)
            {
                if (value.Receives() && !_direction.Receives())
                {
                    // Resuming from hold: the peer's timeline moved on, so start playout afresh and give it time.
                    _format?.JitterBuffer.Flush();
                    Volatile.Write(ref _lastRtpArrival, _time.GetTimestamp());
                }
                _direction = value;
            }
        }
    }

    /// <summary>Where sent audio comes from each tick; null sends nothing.</summary>
    public IAudioSource? Source
    {
        get => _source;
        set => _source = value;
    }

    /// <summary>
    /// This tick's received frame as a source: wire it to this stream for echo, or to another for a bridge.
    /// Frames are at <see cref="SampleRate"/>; for a peer at another rate wrap it in a <see cref="Dsp.ResamplingAudioSource"/>.
    /// </summary>
    public IAudioSource ReceivedAudio { get; }

    /// <summary>A digit arrived (RFC 4733), raised once per event on a receive thread.</summary>
    public event Action<MediaStream, Dtmf.DtmfDigit>? DtmfReceived;

    /// <summary>No RTP arrived for <see cref="MediaStreamOptions.RtpTimeout"/> while receiving; raised once until RTP resumes.</summary>
    public event Action<MediaStream>? RtpTimeout;

    /// <summary>The peer sent an RTCP BYE for its stream (RFC 3550 §6.6).</summary>
    public event Action<MediaStream>? RemoteGoodbye;

    /// <summary>Applies negotiated parameters: codec, payload types, peer address and direction. Call again on re-negotiation.</summary>
    public void Configure(MediaStreamParameters parameters)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        ObjectDisposedException.ThrowIf(Volatile.Read(ref _disposed) != 0, this);
        lock (_receiveGate)
        {
            if (_format is null || !_format.Matches(parameters)) _format = new StreamFormat(parameters, _options.JitterBuffer);
            var rtcp = parameters.RemoteRtcpEndPoint ?? new IPEndPoint(parameters.RemoteEndPoint.Address, parameters.RemoteEndPoint.Port + 1);
            _remoteRtp = parameters.RemoteEndPoint.Serialize();
            _remoteRtcp = rtcp.Serialize();
            _latch.Reset();
            Direction = parameters.Direction;
            // The RTP timeout counts from the (re)negotiation, not from when the ports were opened for the offer.
            Volatile.Write(ref _lastRtpArrival, _time.GetTimestamp());
        }
    }

    /// <summary>Stops ticking, says goodbye over RTCP (RFC 3550 §6.6) and closes the sockets.</summary>
    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0) return;
        foreach (var subscription in _subscriptions) subscription.Dispose();
        SendGoodbye();
        _sockets.Dispose();
    }

    /// <summary>Completes when the receive loops have stopped after <see cref="Dispose"/>.</summary>
    public Task Completion => _sockets.Completion;

    private static uint RandomUInt32()
    {
        Span<byte> bytes = stackalloc byte[4];
        RandomNumberGenerator.Fill(bytes);
        return System.Buffers.Binary.BinaryPrimitives.ReadUInt32LittleEndian(bytes);
    }

    private sealed class PhaseHandler(MediaStream stream, MediaTickPhase phase) : IMediaTickHandler
    {
        public void OnTick(in MediaTick tick)
        {
            if (phase == MediaTickPhase.Receive) stream.OnReceivePhase(tick);
            else stream.OnSendPhase(tick);
        }
    }
}
