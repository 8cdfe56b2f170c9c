using System.Globalization;
using System.Text.Json;
using Huawu.Media.Audio;
using Huawu.Testing.Peers;
using Huawu.Testing.Peers.SipTester;
using Huawu.Testing.Peers.Wire;
using Xunit.Abstractions;
using MediaG711 = Huawu.Media.Codecs.G711;
using static Huawu.Interop.Tests.Calls.CallRecordsInteropTests;
using static Huawu.Interop.Tests.Calls.ServeCommandTests;

namespace Huawu.Interop.Tests.Speech;

/// <summary>A node with the parrot, its HTTP API signed in, and SIPp calls to it under capture.</summary>
internal sealed class ParrotRun : IAsyncDisposable
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(40);
    private readonly PortBlock _ports;
    private readonly PeerDirectory _files;
    private readonly HttpClient _http;
    private readonly int _sipPort;
    private long? _callId;

    private ParrotRun(PortBlock ports, PeerDirectory files, PeerProcess node, HttpClient http, int sipPort)
    {
        _ports = ports;
        _files = files;
        Node = node;
        _http = http;
        _sipPort = sipPort;
        MediaPort = ports.Take(4);
    }

    public PeerProcess Node { get; }

    public int MediaPort { get; }

    public string SipAddress => $"127.0.0.1:{Invariant(_sipPort)}";

    public int TakePort() => _ports.Take();

    public static async Task<ParrotRun> StartAsync(string greeting, ITestOutputHelper output, int noInputSeconds = 6)
    {
        var ports = PortBlock.Allocate(48);
        var sipPort = ports.Take();
        var httpPort = ports.Take();
        var rtp = ports.Take(16);
        var files = PeerDirectory.Create("parrot");
        var data = files.Folder("data");
        var config = files.File("huawu.yaml");
        await File.WriteAllTextAsync(config, $"""
            trunks:
              - {"{"} name: loopback, host: 127.0.0.1, port: 5060, options_interval_seconds: 0 {"}"}
            diagnostics:
              parrot:
                greeting: "{greeting}"
                no_input_seconds: {noInputSeconds}
            """);
        await AddAdminAsync(data);
        var node = PeerProcess.Start("dotnet",
        [
            ServerAssembly(), "serve", "--config", config, "--data", data,
            "--sip-port", Invariant(sipPort), "--rtp-ports", $"{Invariant(rtp)}-{Invariant(rtp + 15)}", "--http-port", Invariant(httpPort),
        ]);
        var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{Invariant(httpPort)}") };
        await WaitUntilReadyAsync(http, node);
        await SignInAsync(http);
        output.WriteLine($"node data in {data}");
        return new ParrotRun(ports, files, node, http, sipPort);
    }

    /// <summary>
    /// Calls the parrot, starts saying the Asterisk prompt <paramref name="prompt"/> after <paramref name="beforeMs"/>, and hangs up
    /// <paramref name="afterMs"/> after that start (SIPp plays a capture while the scenario goes on).
    /// </summary>
    public async Task<(SippResult Result, IReadOnlyList<RtpStream> Rtp)> CallAsync(string prompt, int beforeMs, int afterMs)
    {
        var pcap = _files.File(prompt + ".pcap");
        var samples = AudioClip.Load($"/usr/share/asterisk/sounds/en/{prompt}.wav").Samples;
        var pcmu = new byte[samples.Length];
        MediaG711.EncodeMuLaw(samples, pcmu);
        RtpPcapWriter.WritePcmu(pcap, pcmu);
        var scenario = _files.File("uac_speak.xml");
        await File.WriteAllTextAsync(scenario, (await File.ReadAllTextAsync(Path.Combine(SippScenarios.Folder, "uac_speak.xml")))
            .Replace("@PCAP@", pcap, StringComparison.Ordinal)
            .Replace("@BEFORE_MS@", Invariant(beforeMs), StringComparison.Ordinal)
            .Replace("@AFTER_MS@", Invariant(afterMs), StringComparison.Ordinal));
        await using var capture = await PacketCapture.StartAsync(_ports.First, _ports.Last);
        var result = await Sipp.RunAsync(new SippOptions
        {
            Scenario = SippScenario.FromFile(scenario),
            Remote = SipAddress,
            Service = "parrot",
            LocalPort = _ports.Take(),
            MediaPort = MediaPort,
            MaxCalls = 1,
            GlobalTimeout = Patience,
        }, Patience + TimeSpan.FromSeconds(5));
        return (result, RtpStreams.From(await capture.StopAsync()));
    }

    /// <summary>The call's transcript, once the parrot has written it (after the hang-up; it logs when it has).</summary>
    public async Task<IReadOnlyList<JsonElement>> TranscriptAsync()
    {
        var deadline = DateTime.UtcNow + Patience;
        while (!Node.Output.Contains("turns measured stored", StringComparison.Ordinal))
        {
            Assert.True(DateTime.UtcNow < deadline, $"the parrot stored no transcript\n{Node.Describe()}");
            await Task.Delay(100);
        }
        return [.. (await GetAsync(_http, $"/api/v1/calls/{await CallIdAsync()}/transcript")).GetProperty("items").EnumerateArray()];
    }

    /// <summary>The figures of each <c>speech_turn</c> event (<c>total_ms=…</c> and its split).</summary>
    public async Task<IReadOnlyList<Dictionary<string, long>>> TurnsAsync()
    {
        var events = (await GetAsync(_http, $"/api/v1/calls/{await CallIdAsync()}/events")).GetProperty("items").EnumerateArray();
        return [.. events.Where(e => e.GetProperty("kind").GetString() == "speech_turn").Select(e => e.GetProperty("detail").GetString()!
            .Split(' ').Select(pair => pair.Split('=')).Where(pair => pair[0].EndsWith("_ms", StringComparison.Ordinal))
            .ToDictionary(pair => pair[0], pair => long.Parse(pair[1], CultureInfo.InvariantCulture)))];
    }

    public async ValueTask DisposeAsync()
    {
        await using (var kill = PeerProcess.Start("kill", ["-TERM", Invariant(Node.Id)])) await kill.WaitForExitAsync(Patience);
        await Node.WaitForExitAsync(Patience);
        await Node.DisposeAsync();
        _http.Dispose();
        _files.Dispose();
    }

    private async Task<long> CallIdAsync()
    {
        _callId ??= Assert.Single((await GetAsync(_http, "/api/v1/calls")).GetProperty("items").EnumerateArray()).GetProperty("id").GetInt64();
        return _callId.Value;
    }

    private static string Invariant(int value) => value.ToString(CultureInfo.InvariantCulture);
}
