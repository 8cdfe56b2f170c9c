using Huawu.Media.Dsp;
using Huawu.Telephony.Calls;
using Huawu.Telephony.Cti;
using Huawu.Telephony.Tests.Engine;

namespace Huawu.Telephony.Tests.Bridges;

/// <summary>Two calls bridged by the node (a B2BUA): audio both ways, hang-up propagation, unbridging, refusals.</summary>
public sealed class BridgeTests
{
    [Fact]
    public async Task Each_party_hears_the_other_and_both_legs_are_told_they_are_bridged()
    {
        await using var rig = await EngineRig.StartAsync();
        var node = new AnsweringNode(rig.Callee);
        var (alice, aliceLeg) = await BridgeRig.ConnectAsync(rig, node, "alice");
        var (bob, bobLeg) = await BridgeRig.ConnectAsync(rig, node, "bob");
        using var aliceSpeaks = alice.Transmit(new ToneGenerator(ToneSpec.Continuous(440, -10)));
        using var bobSpeaks = bob.Transmit(new ToneGenerator(ToneSpec.Continuous(1000, -10)));
        var aliceHears = new AudioProbe();
        var bobHears = new AudioProbe();
        using var aliceTap = alice.TapReceivedAudio(aliceHears);
        using var bobTap = bob.TapReceivedAudio(bobHears);

        Assert.True(await aliceLeg.BridgeAsync(bobLeg).Within());
        await rig.TickAsync(TimeSpan.FromSeconds(2));

        AudioProbe.AssertHears(aliceHears.Samples, 1000, "alice hears bob's 1 kHz");
        AudioProbe.AssertHears(bobHears.Samples, 440, "bob hears alice's 440 Hz");
        Assert.Equal(bobLeg, aliceLeg.BridgedTo);
        Assert.Equal(aliceLeg, bobLeg.BridgedTo);
        var bridged = rig.CalleeEvents.All<CallBridged>();
        Assert.Contains(bridged, e => e.CallId == aliceLeg.Id && e.OtherCallId == bobLeg.Id);
        Assert.Contains(bridged, e => e.CallId == bobLeg.Id && e.OtherCallId == aliceLeg.Id);
    }

    [Fact]
    public async Task When_one_party_hangs_up_the_bridge_ends_and_the_other_is_hung_up()
    {
        await using var rig = await EngineRig.StartAsync();
        var node = new AnsweringNode(rig.Callee);
        var (alice, aliceLeg) = await BridgeRig.ConnectAsync(rig, node, "alice");
        var (bob, bobLeg) = await BridgeRig.ConnectAsync(rig, node, "bob");
        Assert.True(await aliceLeg.BridgeAsync(bobLeg).Within());

        await alice.HangupAsync();

        var bobEnd = await bob.Ended.Within();
        var bobLegEnd = await rig.CalleeEvents.HungUpAsync(bobLeg.Id);
        await rig.CalleeEvents.HungUpAsync(aliceLeg.Id);
        Assert.Equal((HangupCause.NormalClearing, HangupSide.Remote), (bobEnd.Cause, bobEnd.By));
        Assert.Equal((HangupCause.NormalClearing, HangupSide.Local), (bobLegEnd.Cause, bobLegEnd.By));
        Assert.Equal(["CallCreated", "CallAnswered", "CallBridged", "CallUnbridged", "CallHungUp"], rig.CalleeEvents.NamesOf(bobLeg.Id));
        Assert.Equal(["CallCreated", "CallAnswered", "CallBridged", "CallUnbridged", "CallHungUp"], rig.CalleeEvents.NamesOf(aliceLeg.Id));
    }

    [Fact]
    public async Task A_bridge_that_does_not_hang_up_together_leaves_the_other_party_up()
    {
        await using var rig = await EngineRig.StartAsync();
        var node = new AnsweringNode(rig.Callee);
        var (alice, aliceLeg) = await BridgeRig.ConnectAsync(rig, node, "alice");
        var (_, bobLeg) = await BridgeRig.ConnectAsync(rig, node, "bob");
        Assert.True(await aliceLeg.BridgeAsync(bobLeg, new BridgeOptions { HangUpTogether = false }).Within());

        await alice.HangupAsync();
        await aliceLeg.Ended.Within();
        await rig.CalleeEvents.WaitAsync<CallUnbridged>(e => e.CallId == bobLeg.Id);

        Assert.Equal(CallState.Answered, bobLeg.State);
        Assert.Null(bobLeg.BridgedTo);
    }

    [Fact]
    public async Task Unbridging_keeps_both_calls_up_and_stops_the_audio_between_them()
    {
        await using var rig = await EngineRig.StartAsync();
        var node = new AnsweringNode(rig.Callee);
        var (alice, aliceLeg) = await BridgeRig.ConnectAsync(rig, node, "alice");
        var (bob, bobLeg) = await BridgeRig.ConnectAsync(rig, node, "bob");
        using var aliceSpeaks = alice.Transmit(new ToneGenerator(ToneSpec.Continuous(440, -10)));
        var bobHears = new AudioProbe();
        using var bobTap = bob.TapReceivedAudio(bobHears);
        Assert.True(await aliceLeg.BridgeAsync(bobLeg).Within());
        await rig.TickAsync(TimeSpan.FromSeconds(1));

        Assert.True(await bobLeg.UnbridgeAsync().Within());
        await rig.TickAsync(TimeSpan.FromMilliseconds(300));
        var afterUnbridge = bobHears.Samples.Length;
        await rig.TickAsync(TimeSpan.FromSeconds(1));

        AudioProbe.AssertHears(bobHears.Samples.AsSpan(0, afterUnbridge - 2400), 440, "bridged, bob heard alice");
        Assert.True(AudioProbe.Rms(bobHears.Samples.AsSpan(afterUnbridge)) < 0.001, "unbridged, bob hears nothing");
        Assert.Equal((CallState.Answered, CallState.Answered), (aliceLeg.State, bobLeg.State));
        Assert.False(await bobLeg.UnbridgeAsync().Within());
        Assert.Equal(2, rig.CalleeEvents.All<CallUnbridged>().Count);
    }

    [Fact]
    public async Task A_call_is_bridged_only_when_both_are_answered_and_free()
    {
        await using var rig = await EngineRig.StartAsync();
        var node = new AnsweringNode(rig.Callee);
        var (_, aliceLeg) = await BridgeRig.ConnectAsync(rig, node, "alice");
        var (_, bobLeg) = await BridgeRig.ConnectAsync(rig, node, "bob");
        var (carol, carolLeg) = await BridgeRig.ConnectAsync(rig, node, "carol");

        Assert.False(await aliceLeg.BridgeAsync(aliceLeg).Within());
        Assert.True(await aliceLeg.BridgeAsync(bobLeg).Within());
        Assert.True(await bobLeg.BridgeAsync(aliceLeg).Within());
        Assert.False(await carolLeg.BridgeAsync(aliceLeg).Within());
        await carol.HangupAsync();
        await carolLeg.Ended.Within();
        await aliceLeg.UnbridgeAsync();
        Assert.False(await aliceLeg.BridgeAsync(carolLeg).Within());
        Assert.Equal(2, rig.CalleeEvents.All<CallBridged>().Count);
    }
}
