namespace Huawu.Speech.Endpointing;

/// <summary>
/// The most recent input audio, kept in a ring so that an utterance can be handed over from before the moment it
/// was recognized as one (the pre-roll, plus the minimum speech it took to be sure). Positions count samples since
/// the stream began.
/// </summary>
internal sealed class AudioHistory
{
    private short[] _ring;
    private int _held;

    public AudioHistory(int capacity) => _ring = new short[capacity];

    public int Capacity => _ring.Length;

    /// <summary>Samples written since the stream began (the position just after the newest sample).</summary>
    public long End { get; private set; }

    /// <summary>The position of the oldest sample still held.</summary>
    public long Start => End - _held;

    public void Write(ReadOnlySpan<short> samples)
    {
        if (samples.Length > _ring.Length)
        {
            End += samples.Length - _ring.Length;
            _held = 0;
            samples = samples[^_ring.Length..];
        }
        var at = (int)(End % _ring.Length);
        var first = Math.Min(samples.Length, _ring.Length - at);
        samples[..first].CopyTo(_ring.AsSpan(at));
        samples[first..].CopyTo(_ring);
        End += samples.Length;
        _held = (int)Math.Min(_ring.Length, _held + (long)samples.Length);
    }

    /// <summary>Copies the held samples from <paramref name="from"/> (or the oldest held) on; returns how many.</summary>
    public int CopyFrom(long from, Span<short> destination)
    {
        from = Math.Clamp(from, Start, End);
        var count = (int)Math.Min(End - from, destination.Length);
        var at = (int)(from % _ring.Length);
        var first = Math.Min(count, _ring.Length - at);
        _ring.AsSpan(at, first).CopyTo(destination);
        _ring.AsSpan(0, count - first).CopyTo(destination[first..]);
        return count;
    }

    /// <summary>Grows the ring (when the options ask for a longer pre-roll), keeping what it holds.</summary>
    public void EnsureCapacity(int capacity)
    {
        if (capacity <= _ring.Length) return;
        // Position p sits at index p % length, so the held samples are laid out anew.
        var ring = new short[capacity];
        for (var p = Start; p < End; p++) ring[p % capacity] = _ring[p % _ring.Length];
        _ring = ring;
    }

    public void Clear()
    {
        Array.Clear(_ring);
        End = 0;
        _held = 0;
    }
}
