using System.Net.Sockets;
using System.Text;

namespace Huawu.Sip.Tests.Transport;

/// <summary>Reading SIP responses and end of stream from a test's TCP client, with a bound on the wait.</summary>
internal static class StreamReading
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(10);

    /// <summary>Reads until <paramref name="count"/> complete responses (no bodies) have arrived.</summary>
    public static async Task<List<string>> ReadResponsesAsync(NetworkStream stream, int count)
    {
        using var timeout = new CancellationTokenSource(Bound);
        var text = new StringBuilder();
        var buffer = new byte[8192];
        while (Count(text.ToString()) < count)
        {
            var read = await stream.ReadAsync(buffer, timeout.Token);
            if (read == 0) break;
            text.Append(Encoding.ASCII.GetString(buffer, 0, read));
        }
        return [.. text.ToString().Split("\r\n\r\n", StringSplitOptions.RemoveEmptyEntries)];
    }

    /// <summary>True when the server closed the connection (end of stream or reset) within the bound.</summary>
    public static async Task<bool> IsClosedByPeerAsync(NetworkStream stream)
    {
        using var timeout = new CancellationTokenSource(Bound);
        var buffer = new byte[1024];
        try
        {
            while (true)
            {
                if (await stream.ReadAsync(buffer, timeout.Token) == 0) return true;
            }
        }
        catch (IOException)
        {
            return true;
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    private static int Count(string text) => text.Split("\r\n\r\n").Length - 1;
}
