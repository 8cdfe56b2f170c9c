using BenchmarkDotNet.Attributes;
using Huawu.Benchmarks.Sip;
using Huawu.Telephony.Calls;
using Huawu.Telephony.Configuration;
using Huawu.Telephony.Engine;

namespace Huawu.Benchmarks.Telephony;

/// <summary>
/// One whole call between two telephony engines over UDP on 127.0.0.1, as the API places it: originate through a
/// trunk to the other engine's echo extension (INVITE with SDP, 200 with the answer, ACK, RTP streams opened), then
/// hang up (BYE, 200) and wait until both legs have ended and published their events. Operations per second are
/// calls per second through the whole stack; allocated bytes are per call (both sides, all threads).
/// </summary>
[MemoryDiagnoser]
[Config(typeof(ThroughputConfig))]
public class EngineCallBenchmarks
{
    private TelephonyEngine _caller = null!;
    private TelephonyEngine _callee = null!;
    private OriginateRequest _request = null!;

    [GlobalSetup]
    public void Setup()
    {
        _callee = new TelephonyEngine(Options("caller", 5060, 41000));
        _callee.StartAsync().GetAwaiter().GetResult();
        _caller = new TelephonyEngine(Options("callee", _callee.SipEndPoints[0].EndPoint.Port, 42000));
        _caller.StartAsync().GetAwaiter().GetResult();
        _request = new OriginateRequest("echo") { Trunk = "callee" };
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _caller.StopAsync().GetAwaiter().GetResult();
        _callee.StopAsync().GetAwaiter().GetResult();
    }

    [Benchmark]
    public async Task<HangupCause> OriginateAnswerHangup()
    {
        var call = (await _caller.OriginateAsync(_request)).Call!;
        await call.HangupAsync();
        var ended = await call.Ended;
        // The callee's leg ends when the BYE reaches it; wait so calls never pile up between iterations.
        while (_callee.Calls.Count > 0) await Task.Yield();
        return ended.Cause;
    }

    private static TelephonyOptions Options(string trunk, int trunkPort, int firstRtpPort) => new()
    {
        Sip = new SipOptions { Listen = [new SipListenerOptions { Transport = SipTransportKind.Udp, Address = "127.0.0.1", Port = 0 }] },
        Rtp = new RtpOptions { Address = "127.0.0.1", Ports = $"{firstRtpPort}-{firstRtpPort + 999}" },
        Trunks = [new TrunkOptions { Name = trunk, Host = "127.0.0.1", Port = trunkPort, OptionsIntervalSeconds = 0 }],
    };
}
