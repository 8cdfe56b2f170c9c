using System.Net;
using System.Net.Sockets;

namespace Huawu.Testing.Peers;

/// <summary>
/// Hands out loopback ports for tests. Ports come from a per-process block so parallel test classes (and
/// parallel test processes, which start from different blocks) do not collide, and each is checked free for
/// both UDP and TCP before it is handed out.
/// </summary>
public static class FreePorts
{
    private const int First = 30_000, Last = 59_999, BlockSize = 2_000;
    private static int _next = First + (Environment.ProcessId * 7919 % ((Last - First) / BlockSize)) * BlockSize;

    /// <summary>A port free on 127.0.0.1 for both UDP and TCP.</summary>
    public static int Next() => Take(1);

    /// <summary>The first of <paramref name="count"/> consecutive free ports, starting on an even number (RTP/RTCP pairs).</summary>
    public static int Range(int count) => Take(count);

    private static int Take(int count)
    {
        for (var attempt = 0; attempt < 1_000; attempt++)
        {
            var start = Interlocked.Add(ref _next, count + 1) - count - 1;
            if (start % 2 == 1) start++;
            if (start + count > Last)
            {
                Interlocked.Exchange(ref _next, First);
                continue;
            }
            if (Enumerable.Range(start, count).All(IsFree)) return start;
        }
        throw new InvalidOperationException("No free loopback ports found.");
    }

    private static bool IsFree(int port)
    {
        try
        {
            using var udp = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
            udp.Bind(new IPEndPoint(IPAddress.Loopback, port));
            using var tcp = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
            tcp.Bind(new IPEndPoint(IPAddress.Loopback, port));
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }
}
