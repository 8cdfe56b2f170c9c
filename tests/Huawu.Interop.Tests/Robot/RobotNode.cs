using System.Globalization;
using Huawu.Data;
using Huawu.Data.Calls;
using Huawu.Robot.Loading;
using Huawu.Robot.Runtime;
using Huawu.Robot.Scripts;
using Huawu.Server.Configuration;
using Huawu.Server.Hosting;
using Huawu.Telephony.Calls;
using Huawu.Testing.Peers;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using static Huawu.Interop.Tests.Calls.ServeCommandTests;

namespace Huawu.Interop.Tests.Robot;

/// <summary>
/// A whole node in the test process (<c>NodeHost</c>, as <c>huawu call</c> starts it: SIP, registrar, RTP, the speech engines,
/// the store in a private data directory, the HTTP API and its event stream on a known port), whose trunk is a SIPp callee
/// on 127.0.0.1 and whose extension <see cref="Extension"/> a phone may register. It places a robot call the way
/// <c>huawu call</c> does and returns the robot's summary with the telephony call, so a test can assert the path as well
/// as what reached the store. Phones are challenged with MD5 alone: SIPp 3.6 answers nothing else (RFC 8760 §2.4 lets a
/// registrar offer only what its phones can take).
/// </summary>
internal sealed class RobotNode : IAsyncDisposable
{
    public const string Callee = "+8613800000009";
    public const string Extension = "8001";
    public const string ExtensionPassword = "phone-secret";
    public const string Agent = "agent1";
    public const string AgentPassword = "correct horse battery";
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    private readonly WebApplication _app;

    private RobotNode(WebApplication app, int sipPort, int httpPort)
    {
        _app = app;
        SipPort = sipPort;
        HttpPort = httpPort;
    }

    public int SipPort { get; }

    public int HttpPort { get; }

    public DataStore Store => _app.Services.GetRequiredService<DataStore>();

    /// <param name="withAgent">Adds user <see cref="Agent"/> (role agent, extension <see cref="Extension"/>) with the CLI first.</param>
    public static async Task<RobotNode> StartAsync(PortBlock ports, int calleePort, PeerDirectory files, bool withAgent = false)
    {
        var sipPort = ports.Take();
        var httpPort = ports.Take();
        var rtp = ports.Take(20);
        var config = files.File("huawu.yaml");
        await File.WriteAllTextAsync(config, $$"""
            sip:
              listen:
                - { transport: udp, address: 127.0.0.1, port: {{Invariant(sipPort)}} }
              digest_algorithms: [md5]
            rtp:
              ports: {{Invariant(rtp)}}-{{Invariant(rtp + 19)}}
            trunks:
              - { name: carrier, host: 127.0.0.1, port: {{Invariant(calleePort)}}, options_interval_seconds: 0 }
            extensions:
              - { number: "{{Extension}}", password: {{ExtensionPassword}} }
            dialer:
              enabled: false
            """);
        var data = files.Folder("data");
        if (withAgent) await AddAgentAsync(config, data);
        var loaded = ConfigurationLoader.Load(config, new ConfigurationOverrides(data, HttpPort: httpPort));
        Assert.True(loaded.Configuration is not null, string.Join("; ", loaded.Errors));
        var app = await NodeHost.BuildAsync(loaded.Configuration, CancellationToken.None, logging => logging.SetMinimumLevel(LogLevel.Warning));
        Assert.NotNull(app);
        await app.StartAsync();
        return new RobotNode(app, sipPort, httpPort);
    }

    /// <summary>The tests' script (<c>Robot/Scripts/offer.en.yaml</c>).</summary>
    public static Script OfferScript()
    {
        var loaded = ScriptLoader.Load(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Robot", "Scripts", "offer.en.yaml")));
        Assert.True(loaded.Script is not null, string.Join("; ", loaded.Errors.Select(e => e.Format(ScriptLanguage.En, "offer.en.yaml"))));
        return loaded.Script;
    }

    /// <summary>Dials <see cref="Callee"/> through the trunk and runs <paramref name="script"/> on the answered call, as <c>huawu call</c> does.</summary>
    public async Task<(RobotCallSummary Summary, ICall Call)> CallAsync(Script script)
    {
        Assert.True(_app.Services.GetRequiredService<IRobotServicesSource>().TryGet(script, out var services, out var error), error);
        var rung = await _app.Services.GetRequiredService<ICallControl>().OriginateAsync(new OriginateRequest(Callee) { Trunk = "carrier" });
        Assert.True(rung.Call is not null, rung.ToString());
        using var timeout = new CancellationTokenSource(Patience);
        var run = await RobotOnCall.RunAsync(rung.Call, script, new Dictionary<string, string> { ["customer_name"] = "Alex" }, services,
            cancellation: timeout.Token);
        Assert.True(run.Summary is not null, string.Join("; ", run.Problems));
        return (run.Summary, rung.Call);
    }

    /// <summary>The call's record, once the call has ended and the robot's result is on it.</summary>
    public async Task<CallRecord> EndedRecordAsync(ICall call)
    {
        await call.Ended.WaitAsync(Patience);
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(10);
        while (true)
        {
            if (await Store.Calls.FindByLegIdAsync(call.Id.ToString()) is { EndedAt: not null, DispositionCode: not null } record) return record;
            Assert.True(DateTime.UtcNow < deadline, $"call {call.Id} has no ended record with a disposition");
            await Task.Delay(100);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync(CancellationToken.None);
        await _app.DisposeAsync();
    }

    private static async Task AddAgentAsync(string config, string data)
    {
        await using var add = PeerProcess.Start("dotnet",
            [ServerAssembly(), "user", "add", Agent, "--role", "agent", "--extension", Extension, "--config", config, "--data", data], redirectInput: true);
        await add.WriteLineAsync(AgentPassword);
        Assert.True(await add.WaitForExitAsync(Patience) == 0, add.Describe());
    }

    private static string Invariant(int value) => value.ToString(CultureInfo.InvariantCulture);
}
