using System.Collections.Concurrent;

namespace Huawu.Speech.Pipeline;

// The playback's audio at the call's rate: chunks added by its producer (off the media thread), read 20 ms at a time
// by the media thread. The chunk queue is the hand-over; nothing is copied until the frame is filled.
public sealed partial class SpeechPlayback
{
    private readonly ConcurrentQueue<ReadOnlyMemory<short>> _chunks = new();
    private ReadOnlyMemory<short> _current;
    private int _produced;

    /// <summary>The producer's failure, once it has stopped with one.</summary>
    internal string? Error { get; private set; }

    /// <summary>Timestamp of the first audio from the source (before conversion); 0 until then.</summary>
    internal long FirstAudio { get; private set; }

    /// <summary>Timestamp when the first audio was queued for the media thread; 0 until then.</summary>
    internal long FirstQueued { get; private set; }

    /// <summary>Tick timestamp of the first packet; 0 until then. Media thread.</summary>
    internal long FirstPacket { get; set; }

    /// <summary>Samples read by the media thread.</summary>
    internal long SamplesPlayed { get; private set; }

    internal void MarkFirstAudio(long timestamp)
    {
        if (FirstAudio == 0) FirstAudio = timestamp;
    }

    /// <summary>Producer: queues the next audio (already at the call's rate).</summary>
    internal void Add(ReadOnlyMemory<short> samples, long timestamp)
    {
        if (samples.IsEmpty) return;
        if (FirstQueued == 0) FirstQueued = timestamp;
        _chunks.Enqueue(samples);
    }

    /// <summary>Producer: no more audio; <paramref name="error"/> when the source failed.</summary>
    internal void MarkProduced(string? error)
    {
        Error = error;
        Volatile.Write(ref _produced, 1);
    }

    /// <summary>Media thread: copies what is ready into <paramref name="destination"/>; returns how many samples.</summary>
    internal int Read(Span<short> destination)
    {
        var filled = 0;
        while (filled < destination.Length)
        {
            if (_current.IsEmpty && !_chunks.TryDequeue(out _current)) break;
            var take = Math.Min(_current.Length, destination.Length - filled);
            _current.Span[..take].CopyTo(destination[filled..]);
            _current = _current[take..];
            filled += take;
        }
        SamplesPlayed += filled;
        return filled;
    }

    /// <summary>The producer has finished (all audio queued, or stopped).</summary>
    internal bool IsProduced => Volatile.Read(ref _produced) != 0;

    /// <summary>Media thread: everything produced has been read.</summary>
    internal bool IsDrained => Volatile.Read(ref _produced) != 0 && _current.IsEmpty && _chunks.IsEmpty;
}
