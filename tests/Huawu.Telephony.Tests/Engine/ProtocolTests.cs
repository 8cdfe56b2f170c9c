using System.Text;
using Huawu.Sip.Building;
using Huawu.Sip.Headers;
using Huawu.Sip.Messages;
using Huawu.Telephony.Calls;
using Huawu.Telephony.Cti;

namespace Huawu.Telephony.Tests.Engine;

/// <summary>
/// The engine's legs against a scripted peer: offer/answer corners (488, late offer, RFC 2543 hold, re-INVITE without
/// offer), DTMF by SIP INFO, in-dialog OPTIONS, and a 2xx crossing our CANCEL.
/// </summary>
public sealed class ProtocolTests
{
    [Fact]
    public async Task An_offer_without_a_common_codec_is_refused_with_488()
    {
        await using var rig = await EngineRig.StartAsync();
        using var peer = new ScriptedPeer(rig.CalleePort);

        peer.Invite("echo", ScriptedPeer.Sdp(formats: "18"));

        // RFC 3261 §13.3.1.3, RFC 3264 §6: nothing acceptable in the offer.
        await peer.ResponseAsync(488, SipMethod.Invite);
        var ended = await rig.CalleeEvents.WaitAsync<CallHungUp>();
        Assert.Equal((HangupCause.BearerCapabilityNotAvailable, HangupSide.Local, (int?)488), (ended.Cause, ended.By, ended.SipStatus));
        Assert.Equal(["CallCreated", "CallHungUp"], rig.CalleeEvents.NamesOf(ended.CallId));
    }

    [Fact]
    public async Task An_invite_without_offer_gets_ours_in_the_200_and_the_answer_in_the_ack_starts_the_call()
    {
        await using var rig = await EngineRig.StartAsync();
        using var peer = new ScriptedPeer(rig.CalleePort);

        var dialog = peer.Invite("echo", offer: null);
        var ok = await peer.ResponseAsync(200, SipMethod.Invite);
        dialog.RemoteTag = ok.To.Tag;
        var offer = Encoding.UTF8.GetString(ok.Body.Span);
        Assert.Contains("m=audio", offer, StringComparison.Ordinal);
        Assert.Contains("telephone-event/8000", offer, StringComparison.Ordinal);
        var callee = Assert.Single(rig.Callee.Calls);
        Assert.Equal(CallState.Setup, callee.State);

        // RFC 3261 §13.2.1: the offer was in the 2xx, so the ACK carries the answer.
        peer.Send(peer.Request(SipMethod.Ack, "echo", dialog, 1, ScriptedPeer.Sdp()));
        await rig.CalleeEvents.WaitAsync<CallAnswered>();
        Assert.Equal(CallState.Answered, callee.State);
        peer.Send(peer.Request(SipMethod.Bye, "echo", dialog, 2));
        await peer.ResponseAsync(200, SipMethod.Bye);
        var ended = await rig.CalleeEvents.HungUpAsync(callee.Id);
        Assert.Equal((HangupCause.NormalClearing, HangupSide.Remote), (ended.Cause, ended.By));
    }

    [Fact]
    public async Task An_ack_without_the_answer_to_our_offer_ends_the_call_with_bye()
    {
        await using var rig = await EngineRig.StartAsync();
        using var peer = new ScriptedPeer(rig.CalleePort);

        var dialog = peer.Invite("echo", offer: null);
        dialog.RemoteTag = (await peer.ResponseAsync(200, SipMethod.Invite)).To.Tag;
        peer.Send(peer.Request(SipMethod.Ack, "echo", dialog, 1));

        await peer.RequestAsync(SipMethod.Bye);
        var ended = await rig.CalleeEvents.WaitAsync<CallHungUp>();
        Assert.Equal((HangupCause.BearerCapabilityNotAvailable, HangupSide.Local), (ended.Cause, ended.By));
        Assert.Equal(["CallCreated", "CallHungUp"], rig.CalleeEvents.NamesOf(ended.CallId));
    }

    [Fact]
    public async Task Dtmf_in_sip_info_is_published_and_collected_and_unreadable_keys_get_400()
    {
        await using var rig = await EngineRig.StartAsync();
        using var peer = new ScriptedPeer(rig.CalleePort);
        var collected = new TaskCompletionSource<DtmfCollection>();
        rig.Callee.SetInboundHandler(async call =>
        {
            await call.AnswerAsync();
            collected.SetResult(await call.CollectDtmfAsync(new DtmfCollectOptions { MaxDigits = 4, FirstDigitTimeout = TimeSpan.FromMinutes(1) }));
            await call.Ended;
        });
        var dialog = await AnsweredAsync(peer, "agent");

        peer.Send(peer.Request(SipMethod.Info, "agent", dialog, 2, "Signal=5\r\nDuration=160\r\n", "application/dtmf-relay"));
        await peer.ResponseAsync(200, SipMethod.Info);
        peer.Send(peer.Request(SipMethod.Info, "agent", dialog, 3, "Signal=x\r\n", "application/dtmf-relay"));
        await peer.ResponseAsync(400, SipMethod.Info);
        peer.Send(peer.Request(SipMethod.Info, "agent", dialog, 4, "#", "application/dtmf"));
        await peer.ResponseAsync(200, SipMethod.Info);

        Assert.Equal(new DtmfCollection("5", DtmfCollectEnd.Terminator, '#'), await collected.Task.Within());
        await Eventually.TrueAsync(() => rig.CalleeEvents.All<DtmfReceived>().Count == 2, "two keys published");
        Assert.All(rig.CalleeEvents.All<DtmfReceived>(), k => Assert.Equal(DtmfMethod.SipInfo, k.Method));
    }

    [Fact]
    public async Task Options_inside_the_dialog_is_answered_200_with_what_the_node_allows()
    {
        await using var rig = await EngineRig.StartAsync();
        using var peer = new ScriptedPeer(rig.CalleePort);
        var dialog = await AnsweredAsync(peer, "echo");

        peer.Send(peer.Request(SipMethod.Options, "echo", dialog, 2));

        var ok = await peer.ResponseAsync(200, SipMethod.Options);
        Assert.True(ok.TryGetHeader(HeaderId.Allow, out var allow));
        Assert.Contains("INFO", allow.Value, StringComparison.Ordinal);
        Assert.Contains("REFER", allow.Value, StringComparison.Ordinal);
        Assert.Contains("NOTIFY", allow.Value, StringComparison.Ordinal);
        Assert.Equal(CallState.Answered, Assert.Single(rig.Callee.Calls).State);
    }

    [Fact]
    public async Task A_reinvite_with_connection_0000_holds_us_and_one_without_offer_resumes_through_the_ack()
    {
        await using var rig = await EngineRig.StartAsync();
        using var peer = new ScriptedPeer(rig.CalleePort);
        var dialog = await AnsweredAsync(peer, "echo");
        var callee = Assert.Single(rig.Callee.Calls);

        // RFC 3264 §8.4: c=0.0.0.0 is the RFC 2543 way to hold.
        peer.Send(peer.Request(SipMethod.Invite, "echo", dialog, 2, ScriptedPeer.Sdp(connection: "0.0.0.0")));
        await peer.ResponseAsync(200, SipMethod.Invite);
        peer.Send(peer.Request(SipMethod.Ack, "echo", dialog, 2));
        var held = await rig.CalleeEvents.WaitAsync<CallHeld>();
        Assert.Equal(HangupSide.Remote, held.By);
        Assert.Equal(CallState.Held, callee.State);

        // A re-INVITE without offer gets ours (sendrecv) in the 200; the ACK's answer resumes.
        peer.Send(peer.Request(SipMethod.Invite, "echo", dialog, 3));
        var ok = await peer.ResponseAsync(200, SipMethod.Invite);
        Assert.Contains("a=sendrecv", Encoding.UTF8.GetString(ok.Body.Span), StringComparison.Ordinal);
        peer.Send(peer.Request(SipMethod.Ack, "echo", dialog, 3, ScriptedPeer.Sdp()));
        await rig.CalleeEvents.WaitAsync<CallResumed>();
        Assert.Equal(CallState.Answered, callee.State);
    }

    [Fact]
    public async Task A_reinvite_without_a_common_codec_gets_488_and_the_call_goes_on()
    {
        await using var rig = await EngineRig.StartAsync();
        using var peer = new ScriptedPeer(rig.CalleePort);
        var dialog = await AnsweredAsync(peer, "echo");

        peer.Send(peer.Request(SipMethod.Invite, "echo", dialog, 2, ScriptedPeer.Sdp(formats: "18")));

        await peer.ResponseAsync(488, SipMethod.Invite);
        Assert.Equal(CallState.Answered, Assert.Single(rig.Callee.Calls).State);
    }

    [Fact]
    public async Task A_2xx_crossing_our_cancel_is_acknowledged_and_hung_up_and_the_call_never_counts_as_answered()
    {
        await using var rig = await EngineRig.StartAsync();
        using var peer = new ScriptedPeer(rig.CalleePort);

        var placing = rig.Caller.OriginateAsync(new OriginateRequest($"sip:robot@127.0.0.1:{peer.Port}"));
        var invite = await peer.RequestAsync(SipMethod.Invite);
        peer.Reply(invite, Response(peer, invite, 180));
        await rig.CallerEvents.WaitAsync<CallRinging>();
        await Assert.Single(rig.Caller.Calls).HangupAsync();
        var cancel = await peer.RequestAsync(SipMethod.Cancel);
        // The callee answered just before the CANCEL reached it (RFC 3261 §9.2): 200 to the INVITE, then to the CANCEL.
        peer.Reply(invite, Response(peer, invite, 200).SetBody(Encoding.UTF8.GetBytes(ScriptedPeer.Sdp()), "application/sdp"));
        peer.Reply(cancel, SipMessageBuilder.CreateResponse(cancel, 200, null, "robot-tag"));
        var result = await placing.Within();

        await peer.RequestAsync(SipMethod.Ack);
        await peer.RequestAsync(SipMethod.Bye);
        Assert.False(result.IsAnswered);
        var ended = await rig.CallerEvents.WaitAsync<CallHungUp>();
        Assert.Equal((HangupCause.NormalClearing, HangupSide.Local, (int?)200), (ended.Cause, ended.By, ended.SipStatus));
        Assert.Equal(["CallCreated", "CallRinging", "CallHungUp"], rig.CallerEvents.NamesOf(ended.CallId));
    }

    [Fact]
    public async Task A_2xx_without_the_answer_to_our_offer_is_hung_up()
    {
        await using var rig = await EngineRig.StartAsync();
        using var peer = new ScriptedPeer(rig.CalleePort);

        var placing = rig.Caller.OriginateAsync(new OriginateRequest($"sip:robot@127.0.0.1:{peer.Port}"));
        var invite = await peer.RequestAsync(SipMethod.Invite);
        peer.Reply(invite, Response(peer, invite, 200));
        var result = await placing.Within();

        // RFC 3261 §13.2.1: ACK the 2xx, then BYE the session that cannot be.
        await peer.RequestAsync(SipMethod.Ack);
        await peer.RequestAsync(SipMethod.Bye);
        Assert.Equal((HangupCause.BearerCapabilityNotAvailable, (int?)200), (result.Cause, result.SipStatus));
    }

    /// <summary>Calls <paramref name="user"/> with an offer and acknowledges the 200: the dialog is established.</summary>
    internal static async Task<PeerDialog> AnsweredAsync(ScriptedPeer peer, string user)
    {
        var dialog = peer.Invite(user, ScriptedPeer.Sdp());
        dialog.RemoteTag = (await peer.ResponseAsync(200, SipMethod.Invite)).To.Tag;
        peer.Send(peer.Request(SipMethod.Ack, user, dialog, 1));
        return dialog;
    }

    private static SipMessageBuilder Response(ScriptedPeer peer, SipMessage request, int status) =>
        SipMessageBuilder.CreateResponse(request, status, null, "robot-tag").AddHeader(HeaderId.Contact, peer.Contact);
}
