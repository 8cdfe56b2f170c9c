namespace Huawu.Media.Jitter;

internal sealed partial class JitterBuffer
{
    private long _accepted;
    private long _duplicates;
    private long _late;
    private long _tooLarge;
    private long _evicted;
    private long _resets;

    /// <summary>Buffers one audio packet of source <paramref name="ssrc"/>.</summary>
    public PutResult Put(uint ssrc, ushort sequence, uint timestamp, ReadOnlySpan<byte> payload)
    {
        var sampleCount = _decoder.GetSampleCount(payload);
        if (payload.Length > _options.MaxPayloadLength || sampleCount > _staging.Length)
        {
            _tooLarge++;
            return PutResult.TooLarge;
        }
        var result = PutResult.Accepted;
        if (!_hasSource || ssrc != _ssrc)
        {
            // A new SSRC has its own random timestamp and sequence origins (RFC 3550 §5.1): start over.
            result = _hasSource ? PutResult.AcceptedAfterReset : PutResult.Accepted;
            Restart(ssrc, sequence, timestamp);
        }

        var offset = (int)(timestamp - (uint)_decodePosition);
        var isNewer = (short)(sequence - _highestSequence) > 0;
        if (offset > _jumpThresholdUnits || offset < -_jumpThresholdUnits)
        {
            // A packet newer in sequence whose timestamp is far off: the sender's timeline jumped. An old
            // packet that far off is a stray and is dropped as late.
            if (!isNewer) return CountLate();
            Restart(ssrc, sequence, timestamp);
            result = PutResult.AcceptedAfterReset;
            offset = 0;
        }
        else if (offset < 0)
        {
            if (_playing) return _decodePosition + offset == _lastDecodedTimestamp ? CountDuplicate() : CountLate();
            // Still filling: an earlier packet overtook by a later one; begin playout from it instead.
            _decodePosition += offset;
            offset = 0;
        }
        if (isNewer) _highestSequence = sequence;

        var extended = _decodePosition + offset;
        var position = InsertPosition(extended);
        if (position < _count && _slots[_order[position]].Timestamp == extended) return CountDuplicate();
        if (_count == _slots.Length)
        {
            // Full: far more than the maximum delay is queued. Drop the oldest and move playout past it.
            if (position == 0) return CountLate();
            EvictOldest();
            position--;
        }
        Insert(position, extended, payload, sampleCount);
        _accepted++;
        return result;
    }

    private PutResult CountLate()
    {
        _late++;
        OnLatePacket();
        return PutResult.Late;
    }

    private PutResult CountDuplicate()
    {
        _duplicates++;
        return PutResult.Duplicate;
    }

    /// <summary>Where a packet with this timestamp belongs in timestamp order; packets mostly arrive in order, so search from the back.</summary>
    private int InsertPosition(long timestamp)
    {
        var position = _count;
        while (position > 0 && _slots[_order[position - 1]].Timestamp >= timestamp) position--;
        return position;
    }

    private void Insert(int position, long timestamp, ReadOnlySpan<byte> payload, int sampleCount)
    {
        var index = _freeSlots.Pop();
        var slot = _slots[index];
        payload.CopyTo(slot.Payload);
        slot.Length = payload.Length;
        slot.Timestamp = timestamp;
        slot.End = timestamp + (sampleCount / _samplesPerUnit);
        Array.Copy(_order, position, _order, position + 1, _count - position);
        _order[position] = index;
        _count++;
    }

    private void RemoveFront()
    {
        _freeSlots.Push(_order[0]);
        _count--;
        Array.Copy(_order, 1, _order, 0, _count);
    }

    private void EvictOldest()
    {
        RemoveFront();
        _evicted++;
        // Skip the timeline forward to the new oldest packet, dropping decoded audio not yet played.
        _decodePosition = Math.Max(_decodePosition, _slots[_order[0]].Timestamp);
        _stagedCount = 0;
    }
}
