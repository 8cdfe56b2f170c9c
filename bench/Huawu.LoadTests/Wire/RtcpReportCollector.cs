using System.Net;
using System.Net.Sockets;

namespace Huawu.LoadTests.Wire;

/// <summary>
/// Listens on SIPp's RTCP port (its media port + 1, which SIPp leaves unbound) for the node's RTCP, so the node's
/// own statistics of every call — not only the captured sample — are read off the wire: the last report block each
/// node stream sent (its BYE carries a final one) gives its cumulative loss and jitter, its last SR the packets it sent.
/// </summary>
internal sealed class RtcpReportCollector : IAsyncDisposable
{
    private readonly Socket _socket;
    private readonly Dictionary<uint, RtcpReceptionReport> _latest = [];
    private readonly Dictionary<uint, uint> _packetsSent = [];
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;
    private long _datagrams;
    private byte _worstFractionLost;

    private RtcpReportCollector(Socket socket)
    {
        _socket = socket;
        _loop = Task.Run(ReceiveLoopAsync);
    }

    public static RtcpReportCollector Start(int port)
    {
        var socket = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp) { ReceiveBufferSize = 4 << 20 };
        socket.Bind(new IPEndPoint(IPAddress.Loopback, port));
        return new RtcpReportCollector(socket);
    }

    /// <summary>Stops listening and sums the latest report of each node stream.</summary>
    public async Task<RtcpSummary> StopAsync()
    {
        await _stop.CancelAsync();
        await _loop;
        lock (_latest)
        {
            var reports = _latest.Values.ToList();
            return new RtcpSummary(
                Datagrams: Interlocked.Read(ref _datagrams),
                StreamsReporting: reports.Count,
                PacketsSent: _packetsSent.Values.Sum(p => (long)p),
                CumulativeLost: reports.Sum(r => (long)Math.Max(0, r.CumulativeLost)),
                StreamsWithLoss: reports.Count(r => r.CumulativeLost > 0),
                WorstFractionLost: _worstFractionLost / 256.0,
                // RFC 3550 §6.4.1: jitter is in timestamp units, 8 per millisecond at 8 kHz.
                WorstJitter: TimeSpan.FromMilliseconds(reports.Select(r => r.JitterUnits).DefaultIfEmpty().Max() / 8.0));
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (!_stop.IsCancellationRequested) await StopAsync();
        _socket.Dispose();
        _stop.Dispose();
    }

    private async Task ReceiveLoopAsync()
    {
        var buffer = new byte[2048];
        while (!_stop.IsCancellationRequested)
        {
            int length;
            try
            {
                length = await _socket.ReceiveAsync(buffer, SocketFlags.None, _stop.Token);
            }
            catch (OperationCanceledException)
            {
                return;
            }
            Interlocked.Increment(ref _datagrams);
            lock (_latest)
            {
                foreach (var report in RtcpReceptionReport.ReadCompound(buffer.AsSpan(0, length), _packetsSent))
                {
                    _latest[report.ReporterSsrc] = report;
                    _worstFractionLost = Math.Max(_worstFractionLost, report.FractionLost);
                }
            }
        }
    }
}

/// <summary>The node's RTCP about the calls, summed over the last report of each of its streams.</summary>
internal sealed record RtcpSummary(long Datagrams, int StreamsReporting, long PacketsSent, long CumulativeLost, int StreamsWithLoss, double WorstFractionLost, TimeSpan WorstJitter)
{
    public override string ToString() => FormattableString.Invariant(
        $"{StreamsReporting} streams reported ({Datagrams} RTCP datagrams): {PacketsSent} RTP packets sent, {CumulativeLost} lost in total, {StreamsWithLoss} streams with loss, worst fraction lost {WorstFractionLost:P1}, worst jitter {WorstJitter.TotalMilliseconds:F1} ms");
}
