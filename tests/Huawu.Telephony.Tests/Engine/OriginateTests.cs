using System.Text;
using Huawu.Sip.Authentication;
using Huawu.Sip.Building;
using Huawu.Sip.Dialogs;
using Huawu.Sip.Headers;
using Huawu.Sip.Messages;
using Huawu.Sip.Stack;
using Huawu.Telephony.Calls;
using Huawu.Telephony.Configuration;
using Huawu.Telephony.Cti;
using Huawu.Telephony.Engine;

namespace Huawu.Telephony.Tests.Engine;

/// <summary>Placing calls: routing failures, trunks that demand digest, and an extension's phones rung together.</summary>
public sealed class OriginateTests
{
    [Theory]
    [InlineData("nowhere", "5550100", HangupCause.ExchangeRoutingError)]
    [InlineData(null, "1002", HangupCause.UnallocatedNumber)]
    [InlineData(null, "1001", HangupCause.NoUserResponse)]
    [InlineData(null, "sip:not a uri", HangupCause.InvalidNumberFormat)]
    public async Task A_call_that_cannot_be_routed_fails_before_any_leg_exists(string? trunk, string destination, HangupCause cause)
    {
        await using var rig = await EngineRig.StartAsync(configureCaller: o => o.Extensions.Add(new ExtensionOptions { Number = "1001", Password = "pw" }));

        var result = await rig.Caller.OriginateAsync(new OriginateRequest(destination) { Trunk = trunk }).Within();

        Assert.Equal((cause, (int?)null), (result.Cause, result.SipStatus));
        Assert.Empty(rig.CallerEvents.All<CallCreated>());
    }

    [Fact]
    public async Task Every_registered_phone_of_an_extension_rings_the_first_to_answer_wins_and_the_other_is_cancelled()
    {
        await using var rig = await EngineRig.StartAsync(configureCallee: o => o.Extensions.Add(new ExtensionOptions { Number = "1001", Password = "s3cret" }));
        await using var desk = new StackPhone();
        await using var mobile = new StackPhone();
        await desk.RegisterAsync(rig.CalleePort, "1001", "s3cret");
        await mobile.RegisterAsync(rig.CalleePort, "1001", "s3cret");

        var placing = rig.Callee.OriginateAsync(new OriginateRequest("1001") { CallerId = "robot" });
        var deskInvite = await desk.Invite.Within();
        var mobileInvite = await mobile.Invite.Within();
        deskInvite.Respond(180);
        mobileInvite.Respond(180);
        var handler = new NoDialogHandler();
        Assert.NotNull(StackPhone.Answer(mobileInvite, handler));
        var result = await placing.Within();

        Assert.True(result.IsAnswered, result.ToString());
        Assert.Equal("1001", result.Call!.To);
        // RFC 3261 §9.1: the branch that lost is cancelled; its INVITE ends 487.
        await deskInvite.WhenCancelled.Within();
        var loser = await rig.CalleeEvents.WaitAsync<CallHungUp>();
        Assert.Equal((HangupCause.NonSelectedUserClearing, HangupSide.Local, (int?)487), (loser.Cause, loser.By, loser.SipStatus));
        Assert.Equal(2, rig.CalleeEvents.All<CallCreated>().Count);
        Assert.Equal(result.Call.Id, Assert.Single(rig.Callee.Calls).Id);
        Assert.Contains("sip:robot@", deskInvite.Request.From.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(401, HeaderId.WwwAuthenticate, HeaderId.Authorization)]
    [InlineData(407, HeaderId.ProxyAuthenticate, HeaderId.ProxyAuthorization)]
    public async Task A_trunk_that_challenges_is_answered_with_the_trunks_account(int challenge, HeaderId challengeHeader, HeaderId credentialsHeader)
    {
        await using var rig = await EngineRig.StartAsync();
        using var carrier = new ScriptedPeer(0);
        var engine = await StartWithCarrierAsync(rig, carrier.Port);
        try
        {
            var digest = new DigestServer(new DigestServerOptions { Realm = "carrier.test", Secret = new byte[32] }, rig.Time);

            var placing = engine.OriginateAsync(new OriginateRequest("13800138000") { Trunk = "carrier" });
            var first = await carrier.RequestAsync(SipMethod.Invite);
            var refusal = SipMessageBuilder.CreateResponse(first, challenge, null, "carrier-tag");
            foreach (var value in digest.CreateChallenges()) refusal.AddHeader(challengeHeader, value);
            carrier.Reply(first, refusal);
            await carrier.ReceiveAsync(m => m.IsRequest && m.Method == SipMethod.Ack, "the ACK of the challenge");
            var retry = await carrier.RequestAsync(SipMethod.Invite);

            // RFC 3261 §22.2: same Call-ID, next CSeq, credentials that verify for the account.
            Assert.Equal((first.CallId, first.CSeq.Number + 1), (retry.CallId, retry.CSeq.Number));
            Assert.Equal("sip:13800138000@127.0.0.1:" + carrier.Port, retry.RequestUri.ToString());
            Assert.True(retry.TryGetHeader(credentialsHeader, out var credentials));
            var verified = digest.Verify(credentials.Value, "INVITE", user => user == "acct" ? DigestCredential.FromPassword("pw") : null);
            Assert.Equal(DigestVerificationStatus.Authenticated, verified.Status);
            var ok = SipMessageBuilder.CreateResponse(retry, 200, null, "carrier-tag").AddHeader(HeaderId.Contact, carrier.Contact)
                .SetBody(Encoding.UTF8.GetBytes(ScriptedPeer.Sdp()), "application/sdp");
            carrier.Reply(retry, ok);
            var result = await placing.Within();
            Assert.True(result.IsAnswered, result.ToString());
            Assert.Equal("carrier", result.Call!.Trunk);
            Assert.Contains("sip:acct@", retry.From.ToString(), StringComparison.Ordinal);
        }
        finally
        {
            await EngineRig.StopAsync(rig.Time, engine);
        }
    }

    [Fact]
    public async Task Cancelling_the_originate_cancels_the_ringing_call()
    {
        await using var rig = await EngineRig.StartAsync();
        rig.Callee.SetInboundHandler(async call =>
        {
            await call.RingAsync();
            await call.Ended;
        });
        using var cancellation = new CancellationTokenSource();

        var placing = rig.CallAsync("agent", cancellationToken: cancellation.Token);
        await rig.CallerEvents.WaitAsync<CallRinging>();
        await cancellation.CancelAsync();
        var result = await placing.Within();

        Assert.Equal((HangupCause.OriginatorCancel, (int?)487), (result.Cause, result.SipStatus));
    }

    private static async Task<TelephonyEngine> StartWithCarrierAsync(EngineRig rig, int carrierPort)
    {
        var options = EngineRig.Options("carrier", carrierPort);
        options.Trunks[0].Username = "acct";
        options.Trunks[0].Password = "pw";
        var engine = new TelephonyEngine(options, rig.Time);
        await engine.StartAsync();
        return engine;
    }

    private sealed class NoDialogHandler : ISipDialogHandler
    {
        public void OnRequest(SipDialog dialog, SipServerTransaction request) => request.Respond(200);

        public void OnAckTimeout(SipDialog dialog) => dialog.SendBye();
    }
}
