namespace Huawu.Testing.Peers;

/// <summary>
/// A block of consecutive free loopback ports shared out to the peers of one test, so a single capture filter
/// (<c>udp portrange First-Last</c>) sees all their signalling and media.
/// </summary>
public sealed class PortBlock
{
    private int _next;

    private PortBlock(int first, int size)
    {
        First = first;
        Last = first + size - 1;
        _next = first;
    }

    public int First { get; }

    public int Last { get; }

    /// <summary>Reserves <paramref name="size"/> consecutive ports free for UDP and TCP on 127.0.0.1.</summary>
    public static PortBlock Allocate(int size = 64)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(size, 2);
        return new PortBlock(FreePorts.Range(size), size);
    }

    /// <summary>
    /// The first of the next <paramref name="count"/> unused ports of the block. Ranges of more than one port
    /// start on an even number because RTP uses the even port of an RTP/RTCP pair (RFC 3550 §11).
    /// </summary>
    public int Take(int count = 1)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        while (true)
        {
            var start = Volatile.Read(ref _next);
            var first = count > 1 && start % 2 == 1 ? start + 1 : start;
            if (first + count - 1 > Last)
            {
                throw new InvalidOperationException($"Port block {First}-{Last} has no {count} ports left; allocate a bigger block.");
            }
            if (Interlocked.CompareExchange(ref _next, first + count, start) == start) return first;
        }
    }

    public override string ToString() => $"{First}-{Last}";
}
