using System.Globalization;

namespace Huawu.LoadTests.Host;

/// <summary>
/// What the kernel says about the UDP sockets bound in a port range (<c>/proc/net/udp</c>): how many there are, how
/// many datagrams they dropped because their receive buffer was full, and the deepest receive queue. It covers
/// every socket, not a sample, and is independent of what the program owning them reports.
/// </summary>
internal readonly record struct UdpSocketTable(int Sockets, long Drops, long DeepestReceiveQueueBytes)
{
    // Columns: sl local_address rem_address st tx_queue:rx_queue tr:tm->when retrnsmt uid timeout inode ref pointer drops.
    private const int LocalAddressColumn = 1, QueuesColumn = 4, DropsColumn = 12;

    public static UdpSocketTable Read(int firstPort, int lastPort)
    {
        var sockets = 0;
        long drops = 0, deepest = 0;
        foreach (var line in File.ReadLines("/proc/net/udp").Skip(1))
        {
            var fields = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (fields.Length <= DropsColumn) continue;
            var port = int.Parse(fields[LocalAddressColumn].Split(':')[1], NumberStyles.HexNumber, CultureInfo.InvariantCulture);
            if (port < firstPort || port > lastPort) continue;
            sockets++;
            drops += long.Parse(fields[DropsColumn], CultureInfo.InvariantCulture);
            deepest = Math.Max(deepest, long.Parse(fields[QueuesColumn].Split(':')[1], NumberStyles.HexNumber, CultureInfo.InvariantCulture));
        }
        return new UdpSocketTable(sockets, drops, deepest);
    }

    public override string ToString() => $"{Sockets} sockets, {Drops} datagrams dropped (receive buffer full), deepest queue {DeepestReceiveQueueBytes} B";
}
