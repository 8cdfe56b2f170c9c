using System.Globalization;

namespace Huawu.Testing.Peers;

/// <summary>
/// Tells whether some process has bound a loopback UDP or TCP port, by reading the kernel's socket tables
/// (<c>/proc/net/udp</c>, <c>/proc/net/tcp</c>). Unlike a trial bind this never races with the peer that is about to bind the port.
/// </summary>
public static class LoopbackSockets
{
    private const string Loopback = "0100007F", Wildcard = "00000000";

    /// <summary>True when a UDP socket is bound to <paramref name="port"/> on 127.0.0.1 or the wildcard address.</summary>
    public static bool IsUdpBound(int port) => IsBound("/proc/net/udp", port);

    /// <summary>True when a TCP socket (listening or connected) uses <paramref name="port"/> on 127.0.0.1 or the wildcard address.</summary>
    public static bool IsTcpBound(int port) => IsBound("/proc/net/tcp", port);

    private static bool IsBound(string table, int port)
    {
        // Each row reads "sl local_address rem_address ...", addresses as hex "0100007F:13C4": the IPv4
        // address in host byte order, then the port.
        var portHex = port.ToString("X4", CultureInfo.InvariantCulture);
        foreach (var line in File.ReadLines(table).Skip(1))
        {
            var fields = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (fields.Length < 2) continue;
            var local = fields[1].Split(':');
            if (local.Length == 2 && local[1] == portHex && local[0] is Loopback or Wildcard) return true;
        }
        return false;
    }
}
