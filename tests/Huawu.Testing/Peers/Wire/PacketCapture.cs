using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Huawu.Testing.Peers.Wire;

/// <summary>
/// Captures UDP on <c>lo</c> for a port range with dumpcap for the duration of a test, so tests can check
/// signalling and media independently of Huawu's own logs.
/// <para>
/// Start returns only once the capture is proven live: a probe datagram sent to a private port (also in the
/// filter) has come back through the capture file. Stop sends a second probe and waits for it too, so every
/// datagram sent before Stop is in the result (loopback delivers in order). Probe datagrams are left out.
/// </para>
/// </summary>
public sealed class PacketCapture : IAsyncDisposable
{
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(25);
    private readonly PeerDirectory _directory;
    private readonly PeerProcess _dumpcap;
    private readonly Socket _probe;
    private readonly int _probePort;
    private readonly List<UdpDatagram> _datagrams = [];
    private FileStream? _file;
    private PcapReader? _reader;
    private bool _stopped;

    private PacketCapture(PeerDirectory directory, PeerProcess dumpcap, Socket probe, int probePort, string filter)
    {
        _directory = directory;
        _dumpcap = dumpcap;
        _probe = probe;
        _probePort = probePort;
        Filter = filter;
    }

    /// <summary>The pcapng file dumpcap writes (kept with HUAWU_KEEP_PEER_FILES).</summary>
    public string FilePath => _directory.File("capture.pcapng");

    public string Filter { get; }

    /// <summary>Starts capturing UDP to or from ports <paramref name="firstPort"/>..<paramref name="lastPort"/>.</summary>
    public static async Task<PacketCapture> StartAsync(int firstPort, int lastPort, TimeSpan? timeout = null)
    {
        var limit = timeout ?? TimeSpan.FromSeconds(15);
        var directory = PeerDirectory.Create("capture");
        var probePort = FreePorts.Next();
        var probe = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
        probe.Bind(new IPEndPoint(IPAddress.Loopback, probePort));
        var filter = $"udp and (portrange {firstPort}-{lastPort} or port {probePort})";
        // -B: a 64 MiB kernel buffer so load runs (hundreds of RTP streams) are not dropped.
        var dumpcap = PeerProcess.Start("dumpcap", ["-i", "lo", "-f", filter, "-B", "64", "-q", "-w", directory.File("capture.pcapng")]);
        var capture = new PacketCapture(directory, dumpcap, probe, probePort, filter);
        try
        {
            await dumpcap.WaitForOutputAsync("File:", limit);
            await capture.ProbeAsync("start", limit);
            return capture;
        }
        catch
        {
            await capture.DisposeAsync();
            throw;
        }
    }

    /// <summary>The datagrams captured so far (a live view; does not wait for in-flight ones).</summary>
    public IReadOnlyList<UdpDatagram> Snapshot()
    {
        lock (_datagrams)
        {
            Drain();
            return [.. _datagrams];
        }
    }

    /// <summary>
    /// Waits until the datagrams captured so far satisfy <paramref name="condition"/>, e.g. "RTP is flowing to
    /// port X"; fails with a count of what was captured if they do not within <paramref name="timeout"/>.
    /// </summary>
    public async Task<IReadOnlyList<UdpDatagram>> WaitUntilAsync(Func<IReadOnlyList<UdpDatagram>, bool> condition, TimeSpan timeout)
    {
        ArgumentNullException.ThrowIfNull(condition);
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            var captured = Snapshot();
            if (condition(captured)) return captured;
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"After {timeout}, {captured.Count} datagrams captured by {this} did not satisfy the condition.");
            await Task.Delay(PollInterval);
        }
    }

    /// <summary>Stops the capture and returns every datagram sent before this call, in capture order.</summary>
    public async Task<IReadOnlyList<UdpDatagram>> StopAsync(TimeSpan? timeout = null)
    {
        if (!_stopped)
        {
            await ProbeAsync("stop", timeout ?? TimeSpan.FromSeconds(15));
            _stopped = true;
            await _dumpcap.DisposeAsync();
        }
        lock (_datagrams) return [.. _datagrams];
    }

    public async ValueTask DisposeAsync()
    {
        await _dumpcap.DisposeAsync();
        _probe.Dispose();
        if (_file is not null) await _file.DisposeAsync();
        _directory.Dispose();
    }

    public override string ToString() => $"capture '{Filter}' into {FilePath}";

    // Sends a uniquely marked datagram to the probe port until it shows up in the capture file; dumpcap
    // writes in batches (libpcap's buffer timeout), so this takes a few hundred milliseconds.
    private async Task ProbeAsync(string phase, TimeSpan timeout)
    {
        var marker = Encoding.ASCII.GetBytes($"huawu-capture-probe {phase} {Guid.NewGuid():N}");
        var target = new IPEndPoint(IPAddress.Loopback, _probePort);
        var deadline = DateTime.UtcNow + timeout;
        var nextSend = DateTime.MinValue;
        while (true)
        {
            if (DateTime.UtcNow >= nextSend)
            {
                await _probe.SendToAsync(marker, target);
                nextSend = DateTime.UtcNow.AddMilliseconds(500);
            }
            lock (_datagrams)
            {
                if (Drain(marker)) return;
            }
            if (_dumpcap.HasExited || DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"The {phase} probe never appeared in {this}.\n{_dumpcap.Describe()}");
            }
            await Task.Delay(PollInterval);
        }
    }

    // Reads the records dumpcap has completed; returns whether the marker was among them.
    private bool Drain(ReadOnlySpan<byte> marker = default)
    {
        if (_reader is null)
        {
            if (!File.Exists(FilePath)) return false;
            _file = new FileStream(FilePath, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
            _reader = new PcapReader(_file);
        }
        var seen = false;
        foreach (var datagram in _reader.ReadAvailable())
        {
            if (datagram.Source.Port == _probePort && datagram.Destination.Port == _probePort)
            {
                seen |= !marker.IsEmpty && datagram.Payload.Span.SequenceEqual(marker);
                continue;
            }
            _datagrams.Add(datagram);
        }
        return seen;
    }
}
