namespace Huawu.Testing.Peers.SoftPhone;

/// <summary>
/// A real linphone softphone (linphone-daemon of liblinphone 5.1) on 127.0.0.1, with a private config and HOME, driven
/// over the daemon's command socket. Start returns once SIP listens and the codecs are set; disposing quits it (which
/// un-registers) and kills it if it lingers.
/// </summary>
public sealed partial class Linphone : IAsyncDisposable
{
    private static readonly TimeSpan QuitGrace = TimeSpan.FromSeconds(3);
    private readonly PeerDirectory _directory;
    private readonly PeerProcess _process;
    private LinphoneDaemonPipe? _pipe;

    private Linphone(LinphoneOptions options, PeerDirectory directory, PeerProcess process, int sipPort, int firstRtpPort)
    {
        Options = options;
        _directory = directory;
        _process = process;
        SipPort = sipPort;
        FirstRtpPort = firstRtpPort;
    }

    public LinphoneOptions Options { get; }

    /// <summary>SIP over UDP only.</summary>
    public int SipPort { get; }

    /// <summary>Linphone's RTP (and RTCP) ports are FirstRtpPort .. FirstRtpPort + RtpPortCount - 1.</summary>
    public int FirstRtpPort { get; }

    /// <summary>Whether <paramref name="port"/> is one of linphone's RTP or RTCP ports.</summary>
    public bool IsRtpPort(int port) => port >= FirstRtpPort && port < FirstRtpPort + Options.RtpPortCount;

    /// <summary>A URI that reaches this phone directly.</summary>
    public string Uri => $"sip:{Options.Account.User}@127.0.0.1:{SipPort}";

    /// <summary>liblinphone's log: every SIP message sent and received, media graph changes, errors.</summary>
    public string LogPath => _directory.File("linphone.log");

    public static async Task<Linphone> StartAsync(LinphoneOptions? options = null)
    {
        options ??= new LinphoneOptions();
        var ports = options.Ports ?? PortBlock.Allocate(2 + options.RtpPortCount);
        var sipPort = ports.Take();
        var firstRtpPort = ports.Take(options.RtpPortCount);
        var directory = PeerDirectory.Create("linphone-" + options.Account.User);
        var configPath = directory.File("linphonerc");
        LinphoneConfig.Write(configPath, options, sipPort, firstRtpPort);
        // The daemon creates its socket at /tmp/<name>; a relative name puts it in the private directory instead.
        var socketPath = directory.File("daemon.sock");
        var process = PeerProcess.Start(
            "linphone-daemon",
            ["--config", configPath, "--log", directory.File("linphone.log"), "--pipe", Path.GetRelativePath("/tmp", socketPath)],
            directory.Path,
            redirectInput: true,
            LinphoneConfig.Environment(directory));
        var phone = new Linphone(options, directory, process, sipPort, firstRtpPort);
        try
        {
            phone._pipe = await phone.ConnectAsync(socketPath, options.CommandTimeout);
            await phone.WaitUntilListeningAsync(options.CommandTimeout);
            await phone.UseOnlyAsync(options.Codecs);
            phone.StartEventPump();
            return phone;
        }
        catch
        {
            await phone.DisposeAsync();
            throw;
        }
    }

    /// <summary>The end of liblinphone's log (it is long: a test that wants all of it reads <see cref="LogPath"/>).</summary>
    public string LogTail(int lines = 80) =>
        File.Exists(LogPath) ? string.Join('\n', File.ReadLines(LogPath).TakeLast(lines)) : "(no log)";

    /// <summary>The command line, output, events and the end of the log, for assertion messages.</summary>
    public string Describe() => $"{_process.Describe()}\nevents:\n{string.Join('\n', Events)}\nlog tail:\n{LogTail()}";

    /// <summary>
    /// Quits as a user would: liblinphone un-registers (REGISTER with Expires 0, RFC 3261 §10.2.2) and hangs up
    /// its calls before the daemon exits. Returns once it has exited.
    /// </summary>
    public async Task QuitAsync(TimeSpan? timeout = null)
    {
        await StopEventPumpAsync();
        if (_process.HasExited) return;
        await Pipe.SendAsync("quit", Options.CommandTimeout);
        await _process.WaitForExitAsync(timeout ?? QuitGrace);
    }

    public async ValueTask DisposeAsync()
    {
        await StopEventPumpAsync();
        if (_pipe is not null)
        {
            if (!_process.HasExited)
            {
                try { await QuitAsync(); }
                catch (Exception ignored) when (ignored is IOException or TimeoutException or System.Net.Sockets.SocketException) { /* killed below */ }
            }
            await _pipe.DisposeAsync();
        }
        await _process.DisposeAsync();
        _stopPump.Dispose();
        _directory.Dispose();
    }

    public override string ToString() => $"linphone {Options.Account.Aor} at {Uri}";

    private LinphoneDaemonPipe Pipe => _pipe ?? throw new InvalidOperationException("linphone is not started.");

    private async Task<LinphoneDaemonPipe> ConnectAsync(string socketPath, TimeSpan timeout)
    {
        try
        {
            return await LinphoneDaemonPipe.ConnectAsync(socketPath, () => _process.HasExited, timeout);
        }
        catch (System.Net.Sockets.SocketException failed)
        {
            throw new InvalidOperationException($"linphone-daemon's socket {socketPath} did not take a connection: {failed.Message}\n{Describe()}", failed);
        }
    }

    // The daemon accepts commands before liblinphone has found the network up and bound SIP.
    private async Task WaitUntilListeningAsync(TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (!LoopbackSockets.IsUdpBound(SipPort))
        {
            if (_process.HasExited) throw new InvalidOperationException($"linphone-daemon exited during startup.\n{Describe()}");
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"linphone did not listen on UDP {SipPort} within {timeout}.\n{Describe()}");
            await Task.Delay(25);
        }
    }

    // liblinphone enables Opus, Speex, G.729… by default; the tests speak G.711 in a known order.
    private async Task UseOnlyAsync(IReadOnlyList<G711> codecs)
    {
        await RunAsync("audio-codec-disable ALL");
        for (var i = 0; i < codecs.Count; i++)
        {
            var mime = codecs[i].EncodingName() + "/8000/1";
            await RunAsync("audio-codec-enable " + mime);
            await RunAsync($"audio-codec-move {mime} {i}");
        }
    }
}
