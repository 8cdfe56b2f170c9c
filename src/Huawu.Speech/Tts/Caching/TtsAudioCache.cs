namespace Huawu.Speech.Tts.Caching;

/// <summary>
/// Synthesized utterances kept for reuse: in memory, least recently used first out once their samples exceed
/// <see cref="MemoryBytes"/>; and, when a directory is given, on disk too, so a restart does not synthesize the
/// script's fixed lines again. Thread-safe.
/// </summary>
internal sealed partial class TtsAudioCache
{
    private readonly object _gate = new();
    private readonly Dictionary<TtsCacheKey, LinkedListNode<(TtsCacheKey Key, CachedSpeech Speech)>> _entries = [];
    private readonly LinkedList<(TtsCacheKey Key, CachedSpeech Speech)> _recency = new();
    private long _bytes;
    private long _hits;
    private long _misses;

    public TtsAudioCache(long memoryBytes, string? diskDirectory = null, long diskBytes = 0)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(memoryBytes);
        MemoryBytes = memoryBytes;
        if (diskDirectory is not null) _disk = new DiskStore(diskDirectory, diskBytes);
    }

    public long MemoryBytes { get; }

    /// <summary>Bytes of samples held in memory now.</summary>
    public long BytesInMemory
    {
        get
        {
            lock (_gate) return _bytes;
        }
    }

    public long Hits => Interlocked.Read(ref _hits);

    public long Misses => Interlocked.Read(ref _misses);

    /// <summary>The cached utterance, from memory or else from disk (then kept in memory again).</summary>
    public async ValueTask<CachedSpeech?> TryGetAsync(TtsCacheKey key, CancellationToken cancellation)
    {
        lock (_gate)
        {
            if (_entries.TryGetValue(key, out var node))
            {
                _recency.Remove(node);
                _recency.AddFirst(node);
                Interlocked.Increment(ref _hits);
                return node.Value.Speech;
            }
        }
        if (_disk is not null && await _disk.TryReadAsync(key, cancellation) is { } stored)
        {
            Remember(key, stored);
            Interlocked.Increment(ref _hits);
            return stored;
        }
        Interlocked.Increment(ref _misses);
        return null;
    }

    public async ValueTask PutAsync(TtsCacheKey key, CachedSpeech speech, CancellationToken cancellation)
    {
        Remember(key, speech);
        if (_disk is not null) await _disk.WriteAsync(key, speech, cancellation);
    }

    private void Remember(TtsCacheKey key, CachedSpeech speech)
    {
        var size = speech.Bytes + key.Bytes;
        // An utterance bigger than the whole budget would only empty the cache to no use.
        if (size > MemoryBytes) return;
        lock (_gate)
        {
            if (_entries.Remove(key, out var existing))
            {
                _recency.Remove(existing);
                _bytes -= existing.Value.Speech.Bytes + key.Bytes;
            }
            while (_bytes + size > MemoryBytes && _recency.Last is { } oldest)
            {
                _recency.RemoveLast();
                _entries.Remove(oldest.Value.Key);
                _bytes -= oldest.Value.Speech.Bytes + oldest.Value.Key.Bytes;
            }
            _entries[key] = _recency.AddFirst((key, speech));
            _bytes += size;
        }
    }
}
