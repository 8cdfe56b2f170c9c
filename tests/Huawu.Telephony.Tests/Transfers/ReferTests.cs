using Huawu.Media.Dsp;
using Huawu.Sip.Building;
using Huawu.Sip.Messages;
using Huawu.Telephony.Calls;
using Huawu.Telephony.Configuration;
using Huawu.Telephony.Cti;
using Huawu.Telephony.Tests.Bridges;
using Huawu.Telephony.Tests.Engine;

namespace Huawu.Telephony.Tests.Transfers;

/// <summary>
/// Blind transfer by REFER (RFC 3515) both ways between two engines: the phones' engine sends REFER from a call the
/// node has bridged (RFC 5589 §6 transferor), the node calls the target and re-bridges the other party to it.
/// </summary>
public sealed class ReferTests
{
    [Fact]
    public async Task A_bridged_phone_transfers_the_other_party_to_a_third_and_they_talk()
    {
        await using var rig = await EngineRig.StartAsync();
        var node = new AnsweringNode(rig.Callee);
        var phones = new AnsweringNode(rig.Caller);
        var (alice, aliceLeg) = await BridgeRig.ConnectAsync(rig, node, "alice");
        var (bob, bobLeg) = await BridgeRig.ConnectAsync(rig, node, "bob");
        Assert.True(await aliceLeg.BridgeAsync(bobLeg).Within());

        var result = await bob.BlindTransferAsync(PhoneUri(rig, "carol")).Within();
        var carol = await phones.AnsweredAsync("carol");

        Assert.True(result.Succeeded, result.ToString());
        Assert.Equal(200, result.SipStatus);
        // The transferor hangs up after the final NOTIFY (RFC 5589 §6); both ends record why.
        Assert.Equal((HangupCause.Transferred, HangupSide.Local), Outcome(await bob.Ended.Within()));
        Assert.Equal((HangupCause.Transferred, HangupSide.Remote), Outcome(await bobLeg.Ended.Within()));
        Assert.Equal((true, (int?)200), await ReportedAsync(rig.CallerEvents, bob.Id));
        Assert.Equal((true, (int?)200), await ReportedAsync(rig.CalleeEvents, bobLeg.Id));
        var carolLeg = aliceLeg.BridgedTo;
        Assert.NotNull(carolLeg);
        Assert.Equal(["CallCreated", "CallAnswered", "CallBridged", "CallUnbridged", "CallBridged"], rig.CalleeEvents.NamesOf(aliceLeg.Id));
        Assert.Equal(CallDirection.Outbound, carolLeg.Direction);
        Assert.Equal(aliceLeg.Id, (await rig.CalleeEvents.WaitAsync<CallCreated>(e => e.CallId == carolLeg.Id)).OnBehalfOf);
        Assert.Equal(aliceLeg.From, carol.From); // the target sees who it is talking to
        await AssertTalkingAsync(rig, alice, carol);
    }

    [Fact]
    public async Task A_transfer_the_target_refuses_is_reported_to_the_transferor_and_the_parties_stay_together()
    {
        await using var rig = await EngineRig.StartAsync();
        var node = new AnsweringNode(rig.Callee);
        rig.Caller.SetInboundHandler(call => call.HangupAsync(HangupCause.UserBusy));
        var (alice, aliceLeg) = await BridgeRig.ConnectAsync(rig, node, "alice");
        var (bob, bobLeg) = await BridgeRig.ConnectAsync(rig, node, "bob");
        Assert.True(await aliceLeg.BridgeAsync(bobLeg).Within());

        var result = await bob.BlindTransferAsync(PhoneUri(rig, "carol")).Within();

        // RFC 3515 §2.4.5: the NOTIFY's sipfrag carries the target's final status.
        Assert.Equal((false, (int?)486), (result.Succeeded, result.SipStatus));
        Assert.Equal((false, (int?)486), await ReportedAsync(rig.CallerEvents, bob.Id));
        Assert.Equal((false, (int?)486), await ReportedAsync(rig.CalleeEvents, bobLeg.Id));
        Assert.Equal(bobLeg, aliceLeg.BridgedTo);
        Assert.Equal(CallState.Answered, bob.State);
        await AssertTalkingAsync(rig, alice, bob);
    }

    [Fact]
    public async Task A_transfer_to_the_echo_extension_hands_the_other_party_to_echo()
    {
        await using var rig = await EngineRig.StartAsync();
        var node = new AnsweringNode(rig.Callee);
        var (alice, aliceLeg) = await BridgeRig.ConnectAsync(rig, node, "alice");
        var (bob, bobLeg) = await BridgeRig.ConnectAsync(rig, node, "bob");
        Assert.True(await aliceLeg.BridgeAsync(bobLeg).Within());
        using var aliceSpeaks = alice.Transmit(new ToneGenerator(ToneSpec.Continuous(700, -10)));
        var aliceHears = new AudioProbe();
        using var tap = alice.TapReceivedAudio(aliceHears);

        var result = await bob.BlindTransferAsync($"sip:echo@127.0.0.1:{rig.CalleePort}").Within();
        await bobLeg.Ended.Within();
        await rig.TickAsync(TimeSpan.FromSeconds(1.5));

        Assert.True(result.Succeeded, result.ToString());
        Assert.Null(aliceLeg.BridgedTo);
        AudioProbe.AssertHears(aliceHears.Samples, 700, "alice hears herself");
    }

    [Fact]
    public async Task A_transfer_to_an_extension_of_the_node_rings_its_phone_and_bridges_the_answer()
    {
        await using var rig = await ExtensionRig.StartAsync();
        var node = new AnsweringNode(rig.Callee);
        var phones = new AnsweringNode(rig.Caller);
        var (alice, aliceLeg) = await BridgeRig.ConnectAsync(rig, node, "alice");
        var (bob, bobLeg) = await BridgeRig.ConnectAsync(rig, node, "bob");
        Assert.True(await aliceLeg.BridgeAsync(bobLeg).Within());

        var result = await bob.BlindTransferAsync($"sip:1001@127.0.0.1:{rig.CalleePort}").Within();
        var extension = await phones.AnsweredAsync("1001");

        Assert.True(result.Succeeded, result.ToString());
        Assert.Equal(aliceLeg.From, extension.From);
        await ReferTests.AssertTalkingAsync(rig, alice, extension);
    }

    [Fact]
    public async Task A_refer_to_a_number_is_dialled_through_the_trunk_the_other_party_came_from()
    {
        using var carrier = new ScriptedPeer(0);
        // First in the configuration, the carrier claims 127.0.0.1: the phones' calls come in as the carrier's.
        await using var rig = await EngineRig.StartAsync(node => node.Trunks.Insert(0, new TrunkOptions
        {
            Name = "carrier", Host = "127.0.0.1", Port = carrier.Port, OptionsIntervalSeconds = 0,
        }));
        var node = new AnsweringNode(rig.Callee);
        var (alice, aliceLeg) = await BridgeRig.ConnectAsync(rig, node, "alice");
        var (bob, bobLeg) = await BridgeRig.ConnectAsync(rig, node, "bob");
        Assert.Equal("carrier", aliceLeg.Trunk);
        Assert.True(await aliceLeg.BridgeAsync(bobLeg).Within());

        var transferring = bob.BlindTransferAsync($"sip:13800138000@127.0.0.1:{rig.CalleePort}");
        var invite = await carrier.RequestAsync(SipMethod.Invite);
        carrier.Reply(invite, SipMessageBuilder.CreateResponse(invite, 486, null, "carrier-tag"));
        var result = await transferring.Within();

        Assert.Equal($"sip:13800138000@127.0.0.1:{carrier.Port}", invite.RequestUri.ToString());
        Assert.Equal((false, (int?)486), (result.Succeeded, result.SipStatus));
        Assert.Equal(bobLeg, aliceLeg.BridgedTo);
    }

    [Fact]
    public async Task A_refer_from_a_call_that_is_not_bridged_is_refused_and_the_call_carries_on()
    {
        await using var rig = await EngineRig.StartAsync();
        var node = new AnsweringNode(rig.Callee);
        var (bob, _) = await BridgeRig.ConnectAsync(rig, node, "bob");

        var result = await bob.BlindTransferAsync(PhoneUri(rig, "carol")).Within();

        Assert.Equal((false, (int?)403), (result.Succeeded, result.SipStatus));
        Assert.Equal((false, (int?)403), await ReportedAsync(rig.CallerEvents, bob.Id));
        Assert.Equal(CallState.Answered, bob.State);
    }

    internal static string PhoneUri(EngineRig rig, string user) => $"sip:{user}@127.0.0.1:{rig.Caller.SipEndPoints[0].EndPoint.Port}";

    /// <summary>Each of two phones hears the other's tone.</summary>
    internal static async Task AssertTalkingAsync(EngineRig rig, ICall one, ICall other)
    {
        using var oneSpeaks = one.Transmit(new ToneGenerator(ToneSpec.Continuous(440, -10)));
        using var otherSpeaks = other.Transmit(new ToneGenerator(ToneSpec.Continuous(1000, -10)));
        var oneHears = new AudioProbe();
        var otherHears = new AudioProbe();
        using var oneTap = one.TapReceivedAudio(oneHears);
        using var otherTap = other.TapReceivedAudio(otherHears);
        await rig.TickAsync(TimeSpan.FromSeconds(1.5));
        AudioProbe.AssertHears(oneHears.Samples.AsSpan(2400), 1000, "the first hears the second");
        AudioProbe.AssertHears(otherHears.Samples.AsSpan(2400), 440, "the second hears the first");
    }

    private static (HangupCause, HangupSide) Outcome(CallHungUp ended) => (ended.Cause, ended.By);

    private static async Task<(bool, int?)> ReportedAsync(CtiRecorder events, CallId call)
    {
        var transferred = await events.WaitAsync<CallTransferred>(e => e.CallId == call);
        return (transferred.Succeeded, transferred.SipStatus);
    }
}
