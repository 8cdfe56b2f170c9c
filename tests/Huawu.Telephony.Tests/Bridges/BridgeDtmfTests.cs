using Huawu.Telephony.Calls;
using Huawu.Telephony.Cti;
using Huawu.Telephony.Tests.Engine;

namespace Huawu.Telephony.Tests.Bridges;

/// <summary>DTMF across a bridge: regenerated on the other leg as RFC 4733 events (RFC 4733 §2.5), or kept.</summary>
public sealed class BridgeDtmfTests
{
    [Fact]
    public async Task Keys_pressed_by_one_party_reach_the_other_as_rfc_4733_events()
    {
        await using var rig = await EngineRig.StartAsync();
        var node = new AnsweringNode(rig.Callee);
        var (alice, aliceLeg) = await BridgeRig.ConnectAsync(rig, node, "alice");
        var (bob, bobLeg) = await BridgeRig.ConnectAsync(rig, node, "bob");
        Assert.True(await aliceLeg.BridgeAsync(bobLeg).Within());

        Assert.True(await alice.SendDtmfAsync("5#").Within());
        await TickUntilAsync(rig, () => rig.CallerEvents.Of(bob.Id).OfType<DtmfReceived>().Count() == 2);

        var keys = rig.CallerEvents.Of(bob.Id).OfType<DtmfReceived>().ToList();
        Assert.Equal("5#", string.Concat(keys.Select(k => k.Key)));
        Assert.All(keys, k => Assert.Equal(DtmfMethod.Rfc4733, k.Method));
        Assert.Equal("5#", string.Concat(rig.CalleeEvents.Of(aliceLeg.Id).OfType<DtmfReceived>().Select(k => k.Key)));
    }

    [Fact]
    public async Task Without_relay_keys_stay_with_the_call_that_received_them()
    {
        await using var rig = await EngineRig.StartAsync();
        var node = new AnsweringNode(rig.Callee);
        var (alice, aliceLeg) = await BridgeRig.ConnectAsync(rig, node, "alice");
        var (bob, bobLeg) = await BridgeRig.ConnectAsync(rig, node, "bob");
        Assert.True(await aliceLeg.BridgeAsync(bobLeg, new BridgeOptions { RelayDtmf = false }).Within());

        Assert.True(await alice.SendDtmfAsync("7").Within());
        await TickUntilAsync(rig, () => rig.CalleeEvents.Of(aliceLeg.Id).OfType<DtmfReceived>().Any());
        await rig.TickAsync(TimeSpan.FromSeconds(1));

        Assert.Empty(rig.CallerEvents.Of(bob.Id).OfType<DtmfReceived>());
    }

    private static async Task TickUntilAsync(EngineRig rig, Func<bool> condition)
    {
        for (var i = 0; i < 100 && !condition(); i++) await rig.TickAsync(TimeSpan.FromMilliseconds(100));
        Assert.True(condition(), rig.Log);
    }
}
