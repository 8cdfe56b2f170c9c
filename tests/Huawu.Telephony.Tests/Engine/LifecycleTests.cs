using Huawu.Telephony.Calls;
using Huawu.Telephony.Engine;

namespace Huawu.Telephony.Tests.Engine;

/// <summary>Starting and stopping a node's telephony.</summary>
public sealed class LifecycleTests
{
    [Fact]
    public async Task Stopping_hangs_up_every_call_with_bye_and_refuses_new_ones()
    {
        await using var rig = await EngineRig.StartAsync();
        var (call, callee) = await HoldTests.AnsweredCallAsync(rig);
        Assert.True(rig.Callee.IsReady);

        await EngineRig.StopAsync(rig.Time, rig.Callee);

        Assert.False(rig.Callee.IsReady);
        Assert.Equal(CallState.Ended, callee.State);
        var ended = await rig.CallerEvents.HungUpAsync(call.Id);
        Assert.Equal((HangupCause.NormalClearing, HangupSide.Remote), (ended.Cause, ended.By));
        var refused = await rig.Callee.OriginateAsync(new OriginateRequest("sip:x@127.0.0.1")).Within();
        Assert.Equal(HangupCause.TemporaryFailure, refused.Cause);
    }

    [Fact]
    public async Task A_started_engine_reports_its_bound_listeners_and_cannot_start_twice()
    {
        var options = EngineRig.Options("none", 5060);
        var engine = new TelephonyEngine(options, TimeProvider.System);
        Assert.Empty(engine.SipEndPoints);
        await engine.StartAsync();
        try
        {
            var bound = Assert.Single(engine.SipEndPoints);
            Assert.NotEqual(0, bound.EndPoint.Port);
            Assert.Equal(System.Net.IPAddress.Loopback, bound.EndPoint.Address);
            await Assert.ThrowsAsync<InvalidOperationException>(() => engine.StartAsync());
        }
        finally
        {
            await engine.StopAsync();
        }
    }
}
