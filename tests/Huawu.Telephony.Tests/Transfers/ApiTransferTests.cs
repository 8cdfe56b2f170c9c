using System.Text;
using Huawu.Sip.Headers;
using Huawu.Sip.Messages;
using Huawu.Telephony.Calls;
using Huawu.Telephony.Cti;
using Huawu.Telephony.Tests.Bridges;
using Huawu.Telephony.Tests.Engine;

namespace Huawu.Telephony.Tests.Transfers;

/// <summary>
/// Transfers the node makes itself (<see cref="ICallControl.TransferAsync"/>, for the ACD), and the node's side of a
/// REFER whose sender does not hang up after the final NOTIFY.
/// </summary>
public sealed class ApiTransferTests
{
    [Fact]
    public async Task A_bridged_party_is_moved_to_the_target_and_its_former_partner_is_hung_up_as_transferred()
    {
        await using var rig = await EngineRig.StartAsync();
        var node = new AnsweringNode(rig.Callee);
        var phones = new AnsweringNode(rig.Caller);
        var (alice, aliceLeg) = await BridgeRig.ConnectAsync(rig, node, "alice");
        var (bob, bobLeg) = await BridgeRig.ConnectAsync(rig, node, "bob");
        Assert.True(await aliceLeg.BridgeAsync(bobLeg).Within());

        var result = await rig.Callee.TransferAsync(aliceLeg, ReferTests.PhoneUri(rig, "carol")).Within();
        var carol = await phones.AnsweredAsync("carol");

        Assert.True(result.Succeeded, result.ToString());
        var bobLegEnd = await bobLeg.Ended.Within();
        Assert.Equal((HangupCause.Transferred, HangupSide.Local), (bobLegEnd.Cause, bobLegEnd.By));
        Assert.Equal(HangupSide.Remote, (await bob.Ended.Within()).By);
        var transferred = await rig.CalleeEvents.WaitAsync<CallTransferred>();
        Assert.Equal((bobLeg.Id, true), (transferred.CallId, transferred.Succeeded));
        // The target's leg was placed for the party moved to it: the same conversation.
        var carolLeg = aliceLeg.BridgedTo!;
        Assert.Equal(aliceLeg.Id, (await rig.CalleeEvents.WaitAsync<CallCreated>(e => e.CallId == carolLeg.Id)).OnBehalfOf);
        await ReferTests.AssertTalkingAsync(rig, alice, carol);
    }

    [Fact]
    public async Task A_party_in_no_bridge_is_connected_to_the_target_and_told_itself()
    {
        await using var rig = await EngineRig.StartAsync();
        var node = new AnsweringNode(rig.Callee);
        var phones = new AnsweringNode(rig.Caller);
        var (alice, aliceLeg) = await BridgeRig.ConnectAsync(rig, node, "alice");

        var result = await rig.Callee.TransferAsync(aliceLeg, ReferTests.PhoneUri(rig, "carol")).Within();
        var carol = await phones.AnsweredAsync("carol");

        Assert.True(result.Succeeded, result.ToString());
        var transferred = await rig.CalleeEvents.WaitAsync<CallTransferred>();
        Assert.Equal(aliceLeg.Id, transferred.CallId);
        Assert.Equal(CallState.Answered, aliceLeg.State);
        await ReferTests.AssertTalkingAsync(rig, alice, carol);
    }

    [Theory]
    [InlineData("busy", 486)]
    [InlineData("tel:+8613800138000", 484)] // not a SIP URI: no route (RFC 3398: invalid number format)
    public async Task A_failed_transfer_puts_the_party_back_with_its_partner(string target, int status)
    {
        await using var rig = await EngineRig.StartAsync();
        var node = new AnsweringNode(rig.Callee);
        rig.Caller.SetInboundHandler(call => call.HangupAsync(HangupCause.UserBusy));
        var (alice, aliceLeg) = await BridgeRig.ConnectAsync(rig, node, "alice");
        var (bob, bobLeg) = await BridgeRig.ConnectAsync(rig, node, "bob");
        Assert.True(await aliceLeg.BridgeAsync(bobLeg).Within());

        var result = await rig.Callee.TransferAsync(aliceLeg, target.Contains(':', StringComparison.Ordinal) ? target : ReferTests.PhoneUri(rig, target)).Within();

        Assert.Equal((false, (int?)status), (result.Succeeded, result.SipStatus));
        Assert.Equal(bobLeg, aliceLeg.BridgedTo);
        var transferred = await rig.CalleeEvents.WaitAsync<CallTransferred>();
        Assert.Equal((bobLeg.Id, false, (int?)status), (transferred.CallId, transferred.Succeeded, transferred.SipStatus));
        await ReferTests.AssertTalkingAsync(rig, alice, bob);
    }

    [Fact]
    public async Task A_transferor_that_does_not_hang_up_after_the_final_notify_is_hung_up_after_a_grace()
    {
        await using var rig = await EngineRig.StartAsync();
        var node = new AnsweringNode(rig.Callee);
        _ = new AnsweringNode(rig.Caller);
        var (_, aliceLeg) = await BridgeRig.ConnectAsync(rig, node, "alice");
        // A phone made of the bare stack: it answers every request in its dialog 200 and never hangs up by itself.
        await using var dave = new StackPhone();
        var invite = dave.Stack.CreateInvite($"sip:dave@127.0.0.1:{rig.CalleePort}", "sip:dave@127.0.0.1", null, Encoding.UTF8.GetBytes(ScriptedPeer.Sdp()));
        var answered = await dave.Stack.SendInvite(invite, dave).FinalResponse.Within();
        var daveLeg = await node.AnsweredAsync("dave");
        Assert.True(await aliceLeg.BridgeAsync(daveLeg).Within());

        Assert.Equal(202, (await answered.Dialog!.SendRefer(ReferTests.PhoneUri(rig, "carol")).FinalResponse.Within()).StatusCode);
        await rig.CalleeEvents.WaitAsync<CallTransferred>(e => e.CallId == daveLeg.Id && e.Succeeded);
        rig.Time.Advance(TimeSpan.FromSeconds(4.5));
        await Task.Delay(50);
        Assert.Equal(CallState.Answered, daveLeg.State);
        rig.Time.Advance(TimeSpan.FromSeconds(0.5));

        var ended = await daveLeg.Ended.Within();
        Assert.Equal((HangupCause.Transferred, HangupSide.Local), (ended.Cause, ended.By));
        Assert.NotNull(aliceLeg.BridgedTo);
        // RFC 3515 §2.4.4–§2.4.5: NOTIFY 100 at once, then the target's 200, which ends the subscription.
        var notifies = dave.DialogRequests.Where(r => r.Method == SipMethod.Notify).ToList();
        Assert.Equal(["SIP/2.0 100 Trying", "SIP/2.0 200 OK"], notifies.Select(n => Encoding.UTF8.GetString(n.Body.Span).Trim()));
        Assert.True(notifies[^1].TryGetHeader(HeaderId.SubscriptionState, out var state) && state.Value.StartsWith("terminated", StringComparison.Ordinal));
    }
}
