using Huawu.Telephony.Configuration;
using Huawu.Telephony.Engine;
using Huawu.Telephony.Tests.Engine;
using Huawu.Testing;
using Huawu.Testing.Peers;

namespace Huawu.Interop.Tests.Calls;

/// <summary>
/// A telephony engine in the test process on 127.0.0.1, on real time, with its SIP port and RTP range taken from the
/// test's port block so one capture sees everything. With <c>trustLoopback</c> a trunk for 127.0.0.1 makes every
/// local peer a trunk (SIPp); without it peers must register and authenticate as extensions (baresip). Given a
/// <see cref="ManualTimeProvider"/> the engine's clock (registration expiry, ring and SIP timers) moves only when the
/// test advances it, while its sockets stay real.
/// </summary>
internal sealed class HuawuNode : IAsyncDisposable
{
    private readonly ManualTimeProvider? _fakeTime;

    private HuawuNode(TelephonyEngine engine, int sipPort, ManualTimeProvider? fakeTime)
    {
        Engine = engine;
        SipPort = sipPort;
        _fakeTime = fakeTime;
        Events = new CtiRecorder(engine.Events);
    }

    public TelephonyEngine Engine { get; }

    public CtiRecorder Events { get; }

    public int SipPort { get; }

    public string Address => $"127.0.0.1:{SipPort}";

    public static async Task<HuawuNode> StartAsync(PortBlock ports, bool trustLoopback, Action<TelephonyOptions>? configure = null, TimeProvider? time = null)
    {
        var sipPort = ports.Take();
        var rtp = ports.Take(16);
        var options = new TelephonyOptions
        {
            Sip = new SipOptions { Listen = [new SipListenerOptions { Transport = SipTransportKind.Udp, Address = "127.0.0.1", Port = sipPort }] },
            Rtp = new RtpOptions { Address = "127.0.0.1", Ports = $"{rtp}-{rtp + 15}", TimeoutSeconds = 30 },
        };
        if (trustLoopback) options.Trunks.Add(new TrunkOptions { Name = "loopback", Host = "127.0.0.1", Port = 5060, OptionsIntervalSeconds = 0 });
        configure?.Invoke(options);
        var engine = new TelephonyEngine(options, time);
        await engine.StartAsync();
        return new HuawuNode(engine, sipPort, time as ManualTimeProvider);
    }

    public async ValueTask DisposeAsync()
    {
        var stopping = Engine.StopAsync();
        // On fake time stopping waits (a grace on the engine's clock) for calls to end: move the clock until it is done.
        for (var i = 0; _fakeTime is not null && i < 200 && !stopping.IsCompleted; i++)
        {
            _fakeTime.Advance(TimeSpan.FromMilliseconds(100));
            await Task.Delay(1);
        }
        await stopping;
        Events.Dispose();
    }
}
