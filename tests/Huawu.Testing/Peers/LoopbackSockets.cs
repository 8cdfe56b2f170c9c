using System.Globalization;

namespace Huawu.Testing.Peers;

/// <summary>
/// Tells whether some process has bound a loopback port, by reading the kernel's socket tables
/// (<c>/proc/net/udp</c>, <c>/proc/net/tcp</c>). Unlike a trial bind this never races with the peer that is
/// about to bind the port.
/// </summary>
public static class LoopbackSockets
{
    private const string TcpListenState = "0A";

    /// <summary>True when a UDP socket is bound to <paramref name="port"/> on 127.0.0.1 or the wildcard address.</summary>
    public static bool IsUdpBound(int port) => Bound("/proc/net/udp", port, requiredState: null);

    /// <summary>True when a TCP socket listens on <paramref name="port"/> on 127.0.0.1 or the wildcard address.</summary>
    public static bool IsTcpListening(int port) => Bound("/proc/net/tcp", port, TcpListenState);

    /// <summary>Polls until <paramref name="isBound"/> holds for the port, or fails with <paramref name="describe"/>'s text.</summary>
    public static async Task WaitUntilAsync(Func<int, bool> isBound, int port, TimeSpan timeout, Func<string> describe)
    {
        ArgumentNullException.ThrowIfNull(isBound);
        ArgumentNullException.ThrowIfNull(describe);
        var deadline = DateTime.UtcNow + timeout;
        while (!isBound(port))
        {
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"Nothing bound port {port} within {timeout}.\n{describe()}");
            await Task.Delay(20);
        }
    }

    // Each row reads "sl local_address rem_address st ...", addresses as hex "0100007F:13C4" (IPv4 in host
    // byte order, port big-endian hex).
    private static bool Bound(string table, int port, string? requiredState)
    {
        var portHex = port.ToString("X4", CultureInfo.InvariantCulture);
        foreach (var line in File.ReadLines(table).Skip(1))
        {
            var fields = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (fields.Length < 4) continue;
            var local = fields[1].Split(':');
            if (local.Length != 2 || local[1] != portHex) continue;
            if (local[0] is not ("0100007F" or "00000000")) continue;
            if (requiredState is null || fields[3] == requiredState) return true;
        }
        return false;
    }
}
