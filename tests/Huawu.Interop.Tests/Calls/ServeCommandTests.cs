using System.Globalization;
using System.Net;
using Huawu.Testing.Peers;
using Huawu.Testing.Peers.SipTester;

namespace Huawu.Interop.Tests.Calls;

/// <summary>The node as an operator runs it: <c>huawu serve</c> from the built program, called by SIPp, stopped by SIGTERM.</summary>
public sealed class ServeCommandTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task Serve_takes_a_call_to_echo_reports_ready_and_stops_cleanly_on_sigterm()
    {
        var ports = PortBlock.Allocate(48);
        var sipPort = ports.Take();
        var httpPort = ports.Take();
        var rtp = ports.Take(16);
        using var files = PeerDirectory.Create("serve");
        // SIPp calls from 127.0.0.1: the node takes its calls as a trunk's.
        var config = files.File("huawu.yaml");
        await File.WriteAllTextAsync(config, "trunks:\n  - { name: loopback, host: 127.0.0.1, port: 5060, options_interval_seconds: 0 }\n");
        await using var node = PeerProcess.Start("dotnet",
        [
            ServerAssembly(), "serve", "--config", config, "--data", files.Folder("data"),
            "--sip-port", Invariant(sipPort), "--rtp-ports", $"{Invariant(rtp)}-{Invariant(rtp + 15)}", "--http-port", Invariant(httpPort),
        ]);
        using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{Invariant(httpPort)}") };
        await WaitUntilReadyAsync(http, node);

        var call = await Sipp.RunAsync(new SippOptions
        {
            Scenario = SippScenarios.UacLoad(),
            Remote = $"127.0.0.1:{Invariant(sipPort)}",
            Service = "echo",
            LocalPort = ports.Take(),
            MediaPort = ports.Take(4),
            MaxCalls = 1,
            Pause = TimeSpan.FromSeconds(1),
            GlobalTimeout = Patience,
        }, Patience);
        Assert.True(call.AllCallsSucceeded, call.Describe() + "\n" + node.Describe());
        await using (var kill = PeerProcess.Start("kill", ["-TERM", Invariant(node.Id)])) await kill.WaitForExitAsync(Patience);
        var exitCode = await node.WaitForExitAsync(Patience);

        Assert.True(exitCode == 0, $"exit code {exitCode}\n{node.Describe()}");
        Assert.Contains($"SIP on udp:127.0.0.1:{Invariant(sipPort)}", node.Output, StringComparison.Ordinal);
        Assert.Contains("ended: NormalClearing by Remote", node.Output, StringComparison.Ordinal);
        Assert.Contains("Telephony stopped", node.Output, StringComparison.Ordinal);
    }

    /// <summary>The built <c>huawu.dll</c>, beside this test assembly's build output (same configuration).</summary>
    internal static string ServerAssembly()
    {
        var testOutput = AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar);
        var configuration = Path.GetFileName(testOutput);
        return Path.Combine(Path.GetDirectoryName(Path.GetDirectoryName(testOutput))!, "Huawu.Server", configuration, "huawu.dll");
    }

    /// <summary>/readyz answers 200 once the SIP listeners are bound (503 before).</summary>
    internal static async Task WaitUntilReadyAsync(HttpClient http, PeerProcess node)
    {
        var deadline = DateTime.UtcNow + Patience;
        while (DateTime.UtcNow < deadline && !node.HasExited)
        {
            try
            {
                using var response = await http.GetAsync(new Uri("/readyz", UriKind.Relative));
                if (response.StatusCode == HttpStatusCode.OK) return;
            }
            catch (HttpRequestException)
            {
                // not listening yet
            }
            await Task.Delay(100);
        }
        Assert.Fail($"huawu serve never became ready.\n{node.Describe()}");
    }

    internal static string Invariant(int value) => value.ToString(CultureInfo.InvariantCulture);
}
