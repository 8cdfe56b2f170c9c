namespace Huawu.Media.Transport;

/// <summary>
/// Hands out RTP ports from a configured range: even numbers, each with the odd port above it for RTCP
/// (RFC 3550 §11). Released ports go to the back of the queue, so a port is reused as late as possible and
/// stray packets of an ended call are unlikely to reach a new one. Thread-safe.
/// </summary>
public sealed class RtpPortAllocator
{
    private readonly Lock _gate = new();
    private readonly Queue<int> _free = new();
    private readonly HashSet<int> _allocated = [];

    /// <param name="minimumPort">The lowest port that may be used (RTP or RTCP).</param>
    /// <param name="maximumPort">The highest port that may be used (RTP or RTCP).</param>
    public RtpPortAllocator(int minimumPort, int maximumPort)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(minimumPort, 1024);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(maximumPort, 65535);
        var first = minimumPort + (minimumPort & 1);
        for (var port = first; port + 1 <= maximumPort; port += 2) _free.Enqueue(port);
        if (_free.Count == 0) throw new ArgumentException($"The range {minimumPort}–{maximumPort} holds no even/odd port pair.");
        Capacity = _free.Count;
    }

    /// <summary>Port pairs in the range.</summary>
    public int Capacity { get; }

    public int Available
    {
        get
        {
            lock (_gate) return _free.Count;
        }
    }

    /// <summary>Takes the least recently used free RTP port; false when every pair is in use.</summary>
    public bool TryAllocate(out int rtpPort)
    {
        lock (_gate)
        {
            if (!_free.TryDequeue(out rtpPort)) return false;
            _allocated.Add(rtpPort);
            return true;
        }
    }

    /// <summary>Returns a pair taken by <see cref="TryAllocate"/>; releasing anything else is a bug.</summary>
    public void Release(int rtpPort)
    {
        lock (_gate)
        {
            if (!_allocated.Remove(rtpPort)) throw new InvalidOperationException($"RTP port {rtpPort} was not allocated.");
            _free.Enqueue(rtpPort);
        }
    }
}
