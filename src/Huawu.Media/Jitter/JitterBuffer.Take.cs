namespace Huawu.Media.Jitter;

internal sealed partial class JitterBuffer
{
    private long _framesAudio;
    private long _framesConcealed;
    private long _framesSilent;
    private long _underruns;

    /// <summary>Produces the next 20 ms of PCM into <paramref name="frame"/> (exactly <see cref="FrameSamples"/> long).</summary>
    public JitterFrameKind Take(Span<short> frame)
    {
        ArgumentOutOfRangeException.ThrowIfNotEqual(frame.Length, FrameSamples);
        if (!_playing && !TryStartPlayout())
        {
            // Filling up to the playout delay. After a restart the old source fades out; before any audio it is silence.
            if (_concealer.HasHistory)
            {
                _concealer.Conceal(frame);
                _framesConcealed++;
                return JitterFrameKind.Concealed;
            }
            frame.Clear();
            _framesSilent++;
            return JitterFrameKind.Silence;
        }
        if (ShouldDiscardFrame()) Fill(_discard, isDiscard: true);
        if (Fill(frame, isDiscard: false))
        {
            _framesConcealed++;
            return JitterFrameKind.Concealed;
        }
        _framesAudio++;
        return JitterFrameKind.Audio;
    }

    private bool TryStartPlayout()
    {
        if (!_hasSource || _count == 0 || Depth < _targetDelay) return false;
        _playing = true;
        ResetDepthWindow();
        return true;
    }

    /// <summary>Fills <paramref name="output"/> from staged audio, packets in order and concealment for gaps; true when any was concealed.</summary>
    private bool Fill(Span<short> output, bool isDiscard)
    {
        var concealed = false;
        var filled = 0;
        while (filled < output.Length)
        {
            if (_stagedCount > 0)
            {
                var take = Math.Min(_stagedCount, output.Length - filled);
                var good = output.Slice(filled, take);
                _staging.AsSpan(_stagedOffset, take).CopyTo(good);
                if (!isDiscard) _concealer.Remember(good);
                _stagedOffset += take;
                _stagedCount -= take;
                filled += take;
                continue;
            }
            var rest = output[filled..];
            if (_count == 0)
            {
                // Underrun: nothing buffered. Conceal; after late packets, hold the timeline so the delay grows.
                _concealer.Conceal(rest);
                _underruns++;
                if (!TryGrowDelay()) _decodePosition += rest.Length / _samplesPerUnit;
                return true;
            }
            var front = _slots[_order[0]];
            var gap = front.Timestamp - _decodePosition;
            if (gap > 0)
            {
                // Lost (or not yet arrived while a later one has): conceal up to the next packet.
                var length = (int)Math.Min(gap * _samplesPerUnit, rest.Length);
                _concealer.Conceal(rest[..length]);
                _decodePosition += length / _samplesPerUnit;
                filled += length;
                concealed = true;
                continue;
            }
            DecodeFront(front);
        }
        return concealed;
    }

    private void DecodeFront(Slot front)
    {
        // A packet overlapping audio already played (an odd sender) is trimmed to what is still ahead.
        var skip = (int)((_decodePosition - front.Timestamp) * _samplesPerUnit);
        var decoded = _decoder.Decode(front.Payload.AsSpan(0, front.Length), _staging);
        _lastDecodedTimestamp = front.Timestamp;
        _decodePosition = Math.Max(_decodePosition, front.End);
        _stagedOffset = Math.Min(skip, decoded);
        _stagedCount = decoded - _stagedOffset;
        RemoveFront();
    }
}
