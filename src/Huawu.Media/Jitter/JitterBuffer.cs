using Huawu.Media.Codecs;

namespace Huawu.Media.Jitter;

/// <summary>
/// The endpoint's receive buffer: RTP payloads go in as they arrive (any thread, serialized by the owner),
/// 20 ms PCM frames come out on the media clock. Packets are ordered by timestamp in preallocated slots and
/// decoded in order at playout (stateful codecs need that); any packetization (10, 20, 30 ms…) is fine.
/// Positions are RTP timestamps extended to 64 bits around the playout point. Not thread-safe.
/// </summary>
internal sealed partial class JitterBuffer
{
    private readonly IAudioDecoder _decoder;
    private readonly JitterBufferOptions _options;
    private readonly PacketLossConcealer _concealer;
    private readonly Slot[] _slots;
    private readonly int[] _order;
    private readonly Stack<int> _freeSlots;
    private readonly short[] _staging;
    private readonly short[] _discard;
    private readonly int _samplesPerUnit;
    private readonly int _frameUnits;
    private readonly int _jumpThresholdUnits;
    private int _count;
    private bool _hasSource;
    private uint _ssrc;
    private ushort _highestSequence;
    private bool _playing;
    private long _decodePosition;
    private long _lastDecodedTimestamp = long.MinValue;
    private int _stagedOffset;
    private int _stagedCount;

    /// <param name="clockRate">The RTP clock rate of the codec's timestamps.</param>
    /// <param name="sampleRate">The PCM rate the decoder produces (a whole multiple of the clock rate).</param>
    public JitterBuffer(IAudioDecoder decoder, int clockRate, int sampleRate, JitterBufferOptions options)
    {
        ArgumentNullException.ThrowIfNull(decoder);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        if (sampleRate % clockRate != 0) throw new ArgumentException("The sample rate must be a whole multiple of the RTP clock rate.");
        _decoder = decoder;
        _options = options;
        _samplesPerUnit = sampleRate / clockRate;
        _frameUnits = clockRate / 50;
        _jumpThresholdUnits = UnitsOf(options.TimestampJumpThreshold, clockRate);
        ClockRate = clockRate;
        FrameSamples = sampleRate / 50;
        _concealer = new PacketLossConcealer(sampleRate);
        _slots = new Slot[options.Capacity];
        _freeSlots = new Stack<int>(options.Capacity);
        for (var i = options.Capacity - 1; i >= 0; i--)
        {
            _slots[i] = new Slot(new byte[options.MaxPayloadLength]);
            _freeSlots.Push(i);
        }
        _order = new int[options.Capacity];
        // Room for the longest packet a slot may carry at one byte per sample (G.711); longer decodes are refused.
        _staging = new short[Math.Max(options.MaxPayloadLength * _samplesPerUnit, FrameSamples)];
        _discard = new short[FrameSamples];
        _targetDelay = UnitsOf(options.InitialDelay, clockRate);
    }

    public int ClockRate { get; }

    /// <summary>PCM samples per 20 ms frame.</summary>
    public int FrameSamples { get; }

    /// <summary>Packets waiting to be decoded.</summary>
    public int Count => _count;

    public JitterBufferCounters Counters => new(
        _accepted, _duplicates, _late, _tooLarge, _evicted, _resets, _framesAudio, _framesConcealed, _framesSilent,
        _framesDiscarded, _underruns, _delayIncreases, TimeSpan.FromSeconds((double)_targetDelay / ClockRate));

    private static int UnitsOf(TimeSpan duration, int clockRate) => (int)(duration.Ticks * clockRate / TimeSpan.TicksPerSecond);

    /// <summary>Where the listener is: the decode position less what is decoded but not yet played.</summary>
    private long PlayPosition => _decodePosition - (_stagedCount / _samplesPerUnit);

    /// <summary>Timestamp units buffered ahead of the play position: staged audio and every slot up to the newest's end.</summary>
    private long Depth => _count == 0 ? _decodePosition - PlayPosition : _slots[_order[_count - 1]].End - PlayPosition;

    /// <summary>
    /// Drops everything buffered; the next packet starts playout afresh. For when receiving resumes after
    /// hold: the sender's timeline moved on while nothing was played.
    /// </summary>
    public void Flush()
    {
        while (_count > 0) RemoveFront();
        _hasSource = false;
        _playing = false;
        _stagedCount = 0;
    }

    private void Restart(uint ssrc, ushort sequence, uint timestamp)
    {
        if (_hasSource) _resets++;
        while (_count > 0) RemoveFront();
        _hasSource = true;
        _ssrc = ssrc;
        _highestSequence = sequence;
        _playing = false;
        _decodePosition = timestamp;
        _lastDecodedTimestamp = long.MinValue;
        // The concealer keeps its history, so the old source fades out while the new one fills the buffer.
        _stagedCount = 0;
    }

    private sealed class Slot(byte[] payload)
    {
        public byte[] Payload { get; } = payload;

        public int Length { get; set; }

        public long Timestamp { get; set; }

        /// <summary>The timestamp just after this packet's audio.</summary>
        public long End { get; set; }
    }
}
