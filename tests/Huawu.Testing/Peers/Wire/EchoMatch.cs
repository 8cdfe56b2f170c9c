namespace Huawu.Testing.Peers.Wire;

/// <summary>
/// How much of a sent payload sequence came back in a received one, and with what delay: the sent payload is
/// cut into windows, and each distinctive window (not near-constant like G.711 silence) is looked up in the
/// received payload. An echo that returns the audio unchanged finds nearly every window at one delay.
/// </summary>
public sealed record EchoMatch(int WindowsTried, int WindowsFound, int? DelayBytes, int WindowsAtDelay)
{
    // A window with fewer distinct byte values than this is silence or a tone edge and would match anywhere.
    private const int DistinctiveValues = 8;

    /// <summary>The share of distinctive windows found anywhere in the received payload.</summary>
    public double FoundFraction => WindowsTried == 0 ? 0 : (double)WindowsFound / WindowsTried;

    /// <summary>
    /// Looks up each <paramref name="windowBytes"/> window of <paramref name="sent"/> in <paramref name="received"/>.
    /// <see cref="DelayBytes"/> is the most common offset (received position minus sent position); for G.711 at
    /// 8 kHz a byte is one sample, 125 µs.
    /// </summary>
    public static EchoMatch Find(ReadOnlySpan<byte> sent, ReadOnlySpan<byte> received, int windowBytes = 160)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(windowBytes, 16);
        var tried = 0;
        var delays = new Dictionary<int, int>();
        for (var offset = 0; offset + windowBytes <= sent.Length; offset += windowBytes)
        {
            var window = sent.Slice(offset, windowBytes);
            if (!IsDistinctive(window)) continue;
            tried++;
            var found = received.IndexOf(window);
            if (found < 0) continue;
            var delay = found - offset;
            delays[delay] = delays.GetValueOrDefault(delay) + 1;
        }
        if (delays.Count == 0) return new EchoMatch(tried, 0, null, 0);
        var (mostCommon, count) = delays.MaxBy(d => d.Value);
        return new EchoMatch(tried, delays.Values.Sum(), mostCommon, count);
    }

    private static bool IsDistinctive(ReadOnlySpan<byte> window)
    {
        Span<bool> seen = stackalloc bool[256];
        var distinct = 0;
        foreach (var value in window)
        {
            if (seen[value]) continue;
            seen[value] = true;
            if (++distinct >= DistinctiveValues) return true;
        }
        return false;
    }
}
