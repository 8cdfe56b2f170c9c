using System.Text;
using Huawu.Sip.Building;
using Huawu.Sip.Headers;
using Huawu.Sip.Messages;
using Huawu.Telephony.Calls;
using Huawu.Telephony.Engine;

namespace Huawu.Telephony.Tests.Engine;

/// <summary>
/// A far end that receives the INVITE and sends nothing (a stale registration, a dead phone). RFC 3261 §9.1 forbids a
/// CANCEL before a provisional response, so the INVITE lives until Timer B (§17.1.1.2, 64·T1); the originate must
/// still return at its ring timeout, and whatever the far end sends late must be cleaned up.
/// </summary>
public sealed class SilentFarEndTests
{
    private static readonly TimeSpan RingTimeout = TimeSpan.FromSeconds(5);

    [Fact]
    public async Task The_originate_gives_up_at_the_ring_timeout_and_the_invite_ends_by_timer_b_without_a_cancel()
    {
        await using var rig = await EngineRig.StartAsync();
        using var phone = new ScriptedPeer(0);
        var engine = await StartTowardsAsync(rig, phone.Port);
        try
        {
            var (placing, _) = await PlaceAsync(rig, engine, phone);

            var result = await placing.Within();

            Assert.Equal((HangupCause.NoAnswer, (int?)null), (result.Cause, result.SipStatus));
            Assert.Empty(engine.Calls);
            Assert.Equal(0, engine.RtpPortsInUse);
            // The INVITE transaction is still running (only Timer B or a final response ends it), with no CANCEL.
            Assert.Equal(1, engine.SipStatistics.OpenTransactions);
            await DrainAsync(rig, engine);
            Assert.False(phone.HasReceived(m => m.IsRequest && m.Method == SipMethod.Cancel), "RFC 3261 §9.1: no CANCEL before a 1xx");
        }
        finally
        {
            await EngineRig.StopAsync(rig.Time, engine);
        }
    }

    [Fact]
    public async Task A_ringing_that_comes_after_the_timeout_is_cancelled_then()
    {
        await using var rig = await EngineRig.StartAsync();
        using var phone = new ScriptedPeer(0);
        var engine = await StartTowardsAsync(rig, phone.Port);
        try
        {
            var (placing, invite) = await PlaceAsync(rig, engine, phone);
            await placing.Within();

            phone.Reply(invite, SipMessageBuilder.CreateResponse(invite, 180, null, "phone-tag"));
            var cancel = await phone.RequestAsync(SipMethod.Cancel);
            phone.Reply(cancel, SipMessageBuilder.CreateResponse(cancel, 200, null, "phone-tag"));
            phone.Reply(invite, SipMessageBuilder.CreateResponse(invite, 487, null, "phone-tag"));
            await phone.RequestAsync(SipMethod.Ack);

            // RFC 3261 §9.1: the CANCEL matches the INVITE's branch and Call-ID.
            Assert.Equal((invite.CallId, invite.CSeq.Number), (cancel.CallId, cancel.CSeq.Number));
            Assert.Equal(invite.TopVia.Branch, cancel.TopVia.Branch);
            await DrainAsync(rig, engine);
        }
        finally
        {
            await EngineRig.StopAsync(rig.Time, engine);
        }
    }

    [Fact]
    public async Task An_answer_that_comes_after_the_timeout_is_acknowledged_and_hung_up()
    {
        await using var rig = await EngineRig.StartAsync();
        using var phone = new ScriptedPeer(0);
        var engine = await StartTowardsAsync(rig, phone.Port);
        try
        {
            var (placing, invite) = await PlaceAsync(rig, engine, phone);
            await placing.Within();

            phone.Reply(invite, SipMessageBuilder.CreateResponse(invite, 200, null, "phone-tag").AddHeader(HeaderId.Contact, phone.Contact)
                .SetBody(Encoding.UTF8.GetBytes(ScriptedPeer.Sdp()), "application/sdp"));
            var ack = await phone.RequestAsync(SipMethod.Ack);
            var bye = await phone.RequestAsync(SipMethod.Bye);
            phone.Reply(bye, SipMessageBuilder.CreateResponse(bye, 200, null, null));

            // RFC 3261 §13.2.2.4: the ACK has the INVITE's CSeq number; §15.1.1: the BYE ends that dialog.
            Assert.Equal((invite.CallId, invite.CSeq.Number), (ack.CallId, ack.CSeq.Number));
            Assert.Equal((invite.CallId, "phone-tag"), (bye.CallId, bye.To.Tag));
            Assert.Empty(engine.Calls);
            await DrainAsync(rig, engine);
        }
        finally
        {
            await EngineRig.StopAsync(rig.Time, engine);
        }
    }

    private static async Task<TelephonyEngine> StartTowardsAsync(EngineRig rig, int phonePort)
    {
        var engine = new TelephonyEngine(EngineRig.Options("phone", phonePort), rig.Time);
        await engine.StartAsync();
        return engine;
    }

    /// <summary>Dials the phone, waits for its INVITE, and moves the clock to the ring timeout.</summary>
    private static async Task<(Task<OriginateResult> Placing, SipMessage Invite)> PlaceAsync(EngineRig rig, TelephonyEngine engine, ScriptedPeer phone)
    {
        var placing = engine.OriginateAsync(new OriginateRequest("1002") { Trunk = "phone", RingTimeout = RingTimeout });
        var invite = await phone.RequestAsync(SipMethod.Invite);
        rig.Time.Advance(RingTimeout);
        return (placing, invite);
    }

    /// <summary>Moves the clock past every transaction timer (Timer B, D, K, M); nothing may stay open after.</summary>
    private static async Task DrainAsync(EngineRig rig, TelephonyEngine engine)
    {
        for (var second = 0; second < 70 && engine.SipStatistics is not { OpenTransactions: 0, OpenDialogs: 0 }; second++)
        {
            rig.Time.Advance(TimeSpan.FromSeconds(1));
            await Task.Delay(10);
        }
        Assert.Equal((0, 0), (engine.SipStatistics.OpenTransactions, engine.SipStatistics.OpenDialogs));
        Assert.Empty(engine.Calls);
        Assert.Equal(0, engine.RtpPortsInUse);
    }
}
