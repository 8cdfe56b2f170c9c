using Huawu.Telephony.Calls;
using Huawu.Telephony.Configuration;
using Huawu.Telephony.Engine;
using Huawu.Testing;
using Huawu.Testing.Peers;

namespace Huawu.Telephony.Tests.Engine;

/// <summary>
/// Two engines on 127.0.0.1 with one fake clock: a caller, whose trunk "callee" leads to the callee, and a callee
/// that takes the caller's calls as a trunk's (both on 127.0.0.1). SIP and RTP travel over real loopback sockets;
/// timers (ring timeouts, RTP timeouts, DTMF timeouts) and media ticks move only when the test advances the clock.
/// </summary>
internal sealed class EngineRig : IAsyncDisposable
{
    private EngineRig(ManualTimeProvider time, TelephonyEngine caller, TelephonyEngine callee)
    {
        Time = time;
        Caller = caller;
        Callee = callee;
        CallerEvents = new CtiRecorder(caller.Events);
        CalleeEvents = new CtiRecorder(callee.Events);
    }

    public ManualTimeProvider Time { get; }

    public required TestLog CallerLog { get; init; }

    public required TestLog CalleeLog { get; init; }

    /// <summary>Both engines' logs, for assertion messages.</summary>
    public string Log => CallerLog + "\n" + CalleeLog;

    public TelephonyEngine Caller { get; }

    public TelephonyEngine Callee { get; }

    public CtiRecorder CallerEvents { get; }

    public CtiRecorder CalleeEvents { get; }

    public int CalleePort => Callee.SipEndPoints[0].EndPoint.Port;

    public static async Task<EngineRig> StartAsync(Action<TelephonyOptions>? configureCallee = null, Action<TelephonyOptions>? configureCaller = null)
    {
        var time = new ManualTimeProvider();
        var calleeOptions = Options("caller", 5060);
        configureCallee?.Invoke(calleeOptions);
        var calleeLog = new TestLog("callee");
        var callee = new TelephonyEngine(calleeOptions, time, calleeLog);
        await callee.StartAsync();
        var callerOptions = Options("callee", callee.SipEndPoints[0].EndPoint.Port);
        configureCaller?.Invoke(callerOptions);
        var callerLog = new TestLog("caller");
        var caller = new TelephonyEngine(callerOptions, time, callerLog);
        await caller.StartAsync();
        return new EngineRig(time, caller, callee) { CallerLog = callerLog, CalleeLog = calleeLog };
    }

    /// <summary>A node on loopback with a trunk to 127.0.0.1 (so the other engine's calls are a trunk's) and no keepalives.</summary>
    public static TelephonyOptions Options(string trunkName, int trunkPort)
    {
        var rtp = FreePorts.Range(40);
        return new TelephonyOptions
        {
            Sip = new SipOptions { Listen = [new SipListenerOptions { Transport = SipTransportKind.Udp, Address = "127.0.0.1", Port = 0 }] },
            Rtp = new RtpOptions { Address = "127.0.0.1", Ports = $"{rtp}-{rtp + 39}", TimeoutSeconds = 30 },
            Trunks = [new TrunkOptions { Name = trunkName, Host = "127.0.0.1", Port = trunkPort, OptionsIntervalSeconds = 0 }],
        };
    }

    /// <summary>The caller dials <paramref name="destination"/> at the callee.</summary>
    public Task<OriginateResult> CallAsync(string destination, TimeSpan? ringTimeout = null, CancellationToken cancellationToken = default) =>
        Caller.OriginateAsync(new OriginateRequest(destination) { Trunk = "callee", RingTimeout = ringTimeout ?? TimeSpan.FromSeconds(60) }, cancellationToken);

    /// <summary>Moves the fake clock in 20 ms ticks, letting loopback traffic catch up between them.</summary>
    public async Task TickAsync(TimeSpan duration)
    {
        for (var elapsed = TimeSpan.Zero; elapsed < duration; elapsed += TimeSpan.FromMilliseconds(20))
        {
            Time.Advance(20);
            // Loopback packets and mailbox work run on other threads: give them the tick to catch up.
            await Task.Delay(1);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync(Time, Caller, Callee);
        CallerEvents.Dispose();
        CalleeEvents.Dispose();
    }

    /// <summary>
    /// Stops engines on fake time: stopping waits (a grace on the fake clock) for BYE answers and 487s, so the clock
    /// is moved until it is done.
    /// </summary>
    public static async Task StopAsync(ManualTimeProvider time, params TelephonyEngine[] engines)
    {
        var stopping = Task.WhenAll(engines.Select(e => e.StopAsync()));
        for (var i = 0; i < 2_000 && !stopping.IsCompleted; i++)
        {
            time.Advance(100);
            await Task.Delay(1);
        }
        await stopping;
    }
}
