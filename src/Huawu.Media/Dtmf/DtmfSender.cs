namespace Huawu.Media.Dtmf;

/// <summary>
/// Plays queued DTMF keys as RFC 4733 telephone events, one packet per 20 ms tick: a start packet with the
/// marker bit (§2.5.1.1), updates with the growing duration, then the end packet sent three times with the
/// same timestamp and duration (§2.5.1.4). All packets of an event carry the timestamp of its first tick
/// (§2.5.1.2); durations are in timestamp units. Not thread-safe: the owning stream serializes access.
/// </summary>
internal sealed class DtmfSender
{
    public const int EndPacketCount = 3;

    /// <summary>Ticks of ordinary audio between events, so in-band conversion downstream sees a pause.</summary>
    private const int GapTicks = 2;

    private readonly (byte Code, ushort Duration)[] _queue;
    private readonly byte _volume;
    private int _queueHead;
    private int _queueCount;
    private byte _code;
    private uint _eventTimestamp;
    private int _elapsed;
    private ushort _target;
    private int _endPacketsLeft;
    private int _gapTicksLeft;

    /// <param name="capacity">Keys that may wait in the queue.</param>
    /// <param name="volume">The power level in −dBm0 (RFC 4733 §2.3.2), 10 by custom.</param>
    public DtmfSender(int capacity = 32, byte volume = 10)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(capacity);
        _queue = new (byte, ushort)[capacity];
        _volume = volume;
    }

    /// <summary>Whether an event is being sent or keys are waiting.</summary>
    public bool IsBusy => _elapsed > 0 || _queueCount > 0;

    /// <summary>Queues an event of <paramref name="duration"/> timestamp units (at most 65535, §2.5.1.3); false when the queue is full.</summary>
    public bool TryEnqueue(byte eventCode, int duration)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(duration);
        if (_queueCount == _queue.Length) return false;
        _queue[(_queueHead + _queueCount) % _queue.Length] = (eventCode, (ushort)Math.Min(duration, ushort.MaxValue));
        _queueCount++;
        return true;
    }

    /// <summary>Drops the queue and any event in progress (e.g. on hold).</summary>
    public void Clear()
    {
        _queueCount = 0;
        _elapsed = 0;
        _gapTicksLeft = 0;
    }

    /// <summary>
    /// Called once per tick. When this tick belongs to an event, writes its payload and returns true;
    /// the stream then sends it instead of audio. <paramref name="frameTimestamp"/> is the RTP timestamp
    /// of this tick's audio and <paramref name="frameDuration"/> the timestamp units per tick.
    /// </summary>
    public bool TryWriteNext(uint frameTimestamp, int frameDuration, Span<byte> payload, out DtmfPacket packet)
    {
        packet = default;
        if (_elapsed == 0)
        {
            if (_gapTicksLeft > 0)
            {
                _gapTicksLeft--;
                return false;
            }
            if (_queueCount == 0) return false;
            (_code, _target) = _queue[_queueHead];
            _queueHead = (_queueHead + 1) % _queue.Length;
            _queueCount--;
            _eventTimestamp = frameTimestamp;
            _endPacketsLeft = EndPacketCount;
            return WritePacket(frameDuration, isStart: true, payload, out packet);
        }
        return WritePacket(_elapsed < _target ? _elapsed + frameDuration : _elapsed, isStart: false, payload, out packet);
    }

    private bool WritePacket(int elapsed, bool isStart, Span<byte> payload, out DtmfPacket packet)
    {
        _elapsed = Math.Min(elapsed, _target);
        var isEnd = _elapsed >= _target;
        var length = new TelephoneEvent(_code, isEnd, _volume, (ushort)_elapsed).Write(payload);
        packet = new DtmfPacket(_eventTimestamp, isStart, length);
        if (isEnd && --_endPacketsLeft == 0)
        {
            _elapsed = 0;
            _gapTicksLeft = GapTicks;
        }
        return true;
    }
}

/// <summary>The RTP fields of one telephone-event packet written by <see cref="DtmfSender"/>.</summary>
internal readonly record struct DtmfPacket(uint Timestamp, bool Marker, int PayloadLength);
