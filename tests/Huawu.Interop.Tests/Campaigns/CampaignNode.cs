using System.Globalization;
using Huawu.Data;
using Huawu.Server.Cli;
using Huawu.Testing.Peers;
using static Huawu.Interop.Tests.Calls.ServeCommandTests;

namespace Huawu.Interop.Tests.Campaigns;

/// <summary>
/// A real <c>huawu serve</c> (its own process, SQLite in a private data directory) whose one trunk is a SIPp UAS on 127.0.0.1, set up
/// with the CLI as an operator would (contacts import, dnc import, campaign create/start). It can be killed with SIGKILL and started
/// again on the same data; the test reads the store in-process between runs and while it runs (SQLite WAL allows readers).
/// </summary>
internal sealed class CampaignNode : IAsyncDisposable
{
    public const string CallerId = "+862161234567";
    public const int RtpPorts = 200;
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    private readonly PeerDirectory _files;
    private readonly int _sipPort, _httpPort, _rtpFirst;
    private PeerProcess? _serve;

    private CampaignNode(PeerDirectory files, int sipPort, int httpPort, int rtpFirst, string config)
    {
        (_files, _sipPort, _httpPort, _rtpFirst, Config) = (files, sipPort, httpPort, rtpFirst, config);
        Data = files.Folder("data");
    }

    public string Config { get; }

    public string Data { get; }

    public PeerProcess Serve => _serve ?? throw new InvalidOperationException("not serving");

    public static async Task<CampaignNode> CreateAsync(PortBlock ports, int trunkPort)
    {
        var files = PeerDirectory.Create("campaign");
        var config = files.File("huawu.yaml");
        await System.IO.File.WriteAllTextAsync(config, $$"""
            trunks:
              - { name: carrier, host: 127.0.0.1, port: {{Invariant(trunkPort)}}, caller_id: "{{CallerId}}", options_interval_seconds: 0 }
            rtp:
              timeout_seconds: 60
            dialer:
              node_id: node-a
            """);
        return new CampaignNode(files, ports.Take(), ports.Take(), ports.Take(RtpPorts), config);
    }

    public string File(string name, string text)
    {
        var path = _files.File(name);
        System.IO.File.WriteAllText(path, text);
        return path;
    }

    /// <summary>Runs a CLI verb on the node's configuration and data; fails the test on a non-zero exit.</summary>
    public async Task<string> CliAsync(params string[] arguments)
    {
        await using var verb = PeerProcess.Start("dotnet", [ServerAssembly(), .. arguments, "--config", Config, "--data", Data]);
        var exit = await verb.WaitForExitAsync(Patience);
        Assert.True(exit == 0, verb.Describe());
        return verb.Output;
    }

    /// <summary>Works on the store in this process (what an admin would do through the settings API; here before the node starts).</summary>
    public async Task WithStoreAsync(Func<DataStore, Task> work)
    {
        var setup = DataSetup.Load(new FileInfo(Config), new DirectoryInfo(Data), out var errors);
        Assert.True(setup is not null, string.Join("; ", errors));
        var result = await setup.WithStoreAsync(async store =>
        {
            await work(store);
            return 0;
        }, CancellationToken.None);
        Assert.Equal(0, result);
    }

    public async Task StartAsync()
    {
        _serve = PeerProcess.Start("dotnet",
        [
            ServerAssembly(), "serve", "--config", Config, "--data", Data, "--sip-port", Invariant(_sipPort),
            "--rtp-ports", $"{Invariant(_rtpFirst)}-{Invariant(_rtpFirst + RtpPorts - 1)}", "--http-port", Invariant(_httpPort),
        ]);
        using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{Invariant(_httpPort)}") };
        await WaitUntilReadyAsync(http, _serve);
    }

    /// <summary>SIGKILL: no shutdown, no flush, no goodbye — what a crash or an OOM kill does.</summary>
    public async Task KillAsync()
    {
        await using (var kill = PeerProcess.Start("kill", ["-KILL", Invariant(Serve.Id)])) await kill.WaitForExitAsync(Patience);
        await Serve.WaitForExitAsync(Patience);
        await Serve.DisposeAsync();
        _serve = null;
    }

    public async Task StopAsync()
    {
        await using (var term = PeerProcess.Start("kill", ["-TERM", Invariant(Serve.Id)])) await term.WaitForExitAsync(Patience);
        Assert.Equal(0, await Serve.WaitForExitAsync(Patience));
    }

    public string Describe() => _serve?.Describe() ?? "(not serving)";

    public async ValueTask DisposeAsync()
    {
        if (_serve is not null) await _serve.DisposeAsync();
        _files.Dispose();
    }

    public static string Number(int index) => "+86138" + (10_000_000 + index).ToString(CultureInfo.InvariantCulture);
}
