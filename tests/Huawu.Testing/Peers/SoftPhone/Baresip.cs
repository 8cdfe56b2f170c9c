using System.Globalization;
using System.Text.Json;

namespace Huawu.Testing.Peers.SoftPhone;

/// <summary>
/// A real baresip 1.0.0 softphone on 127.0.0.1, with a private config, driven over ctrl_tcp. Start returns once
/// baresip is ready and the control connection is up; disposing quits it and kills it if it lingers (a
/// non-forced quit waits for open SIP transactions, which a vanished peer never completes).
/// </summary>
public sealed partial class Baresip : IAsyncDisposable
{
    private static readonly TimeSpan QuitGrace = TimeSpan.FromSeconds(2);
    private readonly PeerDirectory _directory;
    private readonly PeerProcess _process;
    private CtrlTcpConnection? _control;

    private Baresip(BaresipOptions options, PeerDirectory directory, PeerProcess process, int sipPort, int controlPort, int firstRtpPort)
    {
        Options = options;
        _directory = directory;
        _process = process;
        SipPort = sipPort;
        ControlPort = controlPort;
        FirstRtpPort = firstRtpPort;
    }

    public BaresipOptions Options { get; }

    /// <summary>SIP over UDP and TCP; baresip also takes SipPort + 1 for TLS.</summary>
    public int SipPort { get; }

    public int ControlPort { get; }

    /// <summary>Baresip's RTP ports are FirstRtpPort .. FirstRtpPort + RtpPortCount - 1.</summary>
    public int FirstRtpPort { get; }

    /// <summary>A URI that reaches this phone directly (baresip takes any user part at its address).</summary>
    public string Uri => $"sip:{Options.Account.User}@127.0.0.1:{SipPort}";

    public string Directory => _directory.Path;

    /// <summary>Where sndfile writes the call recordings.</summary>
    public string RecordDirectory => _directory.File("recordings");

    public string Output => _process.Output;

    public static async Task<Baresip> StartAsync(BaresipOptions? options = null)
    {
        options ??= new BaresipOptions();
        var ports = options.Ports ?? PortBlock.Allocate(4 + options.RtpPortCount);
        // libre also listens for SIP over TLS on the next port.
        var sipPort = ports.Take(2);
        var controlPort = ports.Take();
        var firstRtpPort = ports.Take(options.RtpPortCount);
        var directory = PeerDirectory.Create("baresip-" + options.Account.User);
        BaresipConfig.Write(directory.Path, options, sipPort, controlPort, firstRtpPort, directory.Folder("recordings"));
        // stdin is a pipe never written to: baresip must not read the test host's terminal.
        var process = PeerProcess.Start(
            "baresip",
            ["-4", "-f", directory.Path, "-t", ((int)options.Watchdog.TotalSeconds).ToString(CultureInfo.InvariantCulture)],
            directory.Path,
            redirectInput: true);
        var phone = new Baresip(options, directory, process, sipPort, controlPort, firstRtpPort);
        try
        {
            await phone.WaitUntilReadyAsync(options.CommandTimeout);
            phone._control = await CtrlTcpConnection.ConnectAsync(controlPort, phone.OnEvent, options.CommandTimeout);
            // Baresip only reports events to a connected client, and registers as soon as an account exists.
            await phone.RunAsync("uanew", options.Account.ToAccountLine());
            return phone;
        }
        catch
        {
            await phone.DisposeAsync();
            throw;
        }
    }

    /// <summary>The WAV files sndfile wrote of what this phone received (decoded), oldest first.</summary>
    public IReadOnlyList<string> ReceivedAudioFiles() => Recordings("-dec.wav");

    /// <summary>The WAV files sndfile wrote of what this phone sent (before encoding), oldest first.</summary>
    public IReadOnlyList<string> SentAudioFiles() => Recordings("-enc.wav");

    /// <summary>The command line, the events seen and baresip's output, for assertion messages.</summary>
    public string Describe() => $"{_process.Describe()}\nevents:\n{string.Join('\n', Events)}";

    public async ValueTask DisposeAsync()
    {
        if (_control is not null)
        {
            if (!_process.HasExited)
            {
                try { await _control.SendAsync("quit", null, QuitGrace); }
                catch (Exception ignored) when (ignored is IOException or TimeoutException) { /* killed below */ }
                try { await _process.Exited.WaitAsync(QuitGrace); }
                catch (TimeoutException) { /* killed below */ }
            }
            await _control.DisposeAsync();
        }
        await _process.DisposeAsync();
        _directory.Dispose();
    }

    public override string ToString() => $"baresip {Options.Account.Aor} at {Uri}";

    // Sndfile names files by the second the stream started ("dump-2026-01-01-10-00-00-dec.wav"), so names
    // sort by time; two calls in the same second would share (and overwrite) one file.
    private IReadOnlyList<string> Recordings(string suffix) =>
        System.IO.Directory.Exists(RecordDirectory)
            ? [.. System.IO.Directory.GetFiles(RecordDirectory, "dump-*" + suffix).Order(StringComparer.Ordinal)]
            : [];

    // Baresip prints "baresip is ready." once its modules are loaded. If the SIP or control socket cannot be
    // bound it prints "... init failed" and, in 1.0.0, keeps running without a user agent.
    private async Task WaitUntilReadyAsync(TimeSpan timeout)
    {
        var outcome = new TaskCompletionSource<string?>(TaskCreationOptions.RunContinuationsAsynchronously);
        void Watch(string line)
        {
            if (line.Contains("baresip is ready.", StringComparison.Ordinal)) outcome.TrySetResult(null);
            else if (line.Contains("init failed", StringComparison.Ordinal) || line.Contains("failed to listen", StringComparison.Ordinal)) outcome.TrySetResult(line);
        }
        _process.LineReceived += Watch;
        try
        {
            foreach (var line in _process.Output.Split('\n')) Watch(line);
            var finished = await Task.WhenAny(outcome.Task, _process.Exited).WaitAsync(timeout);
            if (finished != outcome.Task) throw new InvalidOperationException($"baresip exited during startup.\n{Describe()}");
            if (await outcome.Task is { } failure) throw new InvalidOperationException($"baresip failed to start: {failure}\n{Describe()}");
        }
        catch (TimeoutException)
        {
            throw new TimeoutException($"baresip was not ready within {timeout}.\n{Describe()}");
        }
        finally
        {
            _process.LineReceived -= Watch;
        }
    }

    private CtrlTcpConnection Control => _control ?? throw new InvalidOperationException("baresip is not started.");

    private void OnEvent(JsonElement root) => Record(root);
}
