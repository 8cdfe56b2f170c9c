using Huawu.LoadTests.Host;
using Huawu.Testing.Peers;

namespace Huawu.LoadTests.Wire;

/// <summary>
/// dumpcap on <c>lo</c> for a port range during a load run. Unlike the interop kit's capture (which reads
/// everything into memory and is killed at the end) it writes a ring of bounded files, read one at a time
/// afterwards, and is stopped with SIGINT so it reports its drop counters.
/// </summary>
internal sealed class BulkCapture : IAsyncDisposable
{
    // A 256 MiB kernel capture buffer rides out the moments dumpcap is not scheduled on a busy 2-core machine;
    // 128 MiB files keep each one small enough to read whole.
    private const string KernelBufferMiB = "256", FileSizeKiB = "131072";
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);
    private readonly PeerProcess _dumpcap;
    private readonly string _folder;
    private DumpcapCounters? _counters;

    private BulkCapture(PeerProcess dumpcap, string folder, string filter)
    {
        _dumpcap = dumpcap;
        _folder = folder;
        Filter = filter;
    }

    public string Filter { get; }

    public int ProcessId => _dumpcap.Id;

    /// <summary>Starts capturing UDP to or from ports <paramref name="firstPort"/>..<paramref name="lastPort"/>; returns once dumpcap writes.</summary>
    public static async Task<BulkCapture> StartAsync(string directory, int firstPort, int lastPort)
    {
        var folder = Directory.CreateDirectory(Path.Combine(directory, "capture")).FullName;
        var filter = $"udp portrange {firstPort}-{lastPort}";
        var dumpcap = PeerProcess.Start("dumpcap",
            ["-i", "lo", "-f", filter, "-B", KernelBufferMiB, "-b", "filesize:" + FileSizeKiB, "-w", Path.Combine(folder, "capture.pcapng")]);
        var capture = new BulkCapture(dumpcap, folder, filter);
        try
        {
            await dumpcap.WaitForOutputAsync("File:", Patience);
            return capture;
        }
        catch
        {
            await capture.DisposeAsync();
            throw;
        }
    }

    /// <summary>Stops dumpcap and returns its counters (null when it printed none).</summary>
    public async Task<DumpcapCounters?> StopAsync()
    {
        if (_counters is not null || _dumpcap.HasExited) return _counters ?? DumpcapCounters.Parse(_dumpcap.Output);
        await Signals.InterruptAsync(_dumpcap.Id);
        await _dumpcap.WaitForExitAsync(Patience);
        return _counters = DumpcapCounters.Parse(_dumpcap.Output);
    }

    /// <summary>The capture files in the order written.</summary>
    public IReadOnlyList<string> Files => [.. Directory.GetFiles(_folder, "capture_*.pcapng").Order(StringComparer.Ordinal)];

    /// <summary>Captures are gigabytes at load: they are deleted unless <paramref name="keep"/>.</summary>
    public async ValueTask DisposeAsync(bool keep)
    {
        await _dumpcap.DisposeAsync();
        if (!keep && Directory.Exists(_folder)) Directory.Delete(_folder, recursive: true);
    }

    public ValueTask DisposeAsync() => DisposeAsync(keep: false);

    public override string ToString() => $"dumpcap '{Filter}' into {_folder}";
}
