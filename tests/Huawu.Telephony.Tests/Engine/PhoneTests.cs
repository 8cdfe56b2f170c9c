using Huawu.Sip.Authentication;
using Huawu.Sip.Headers;
using Huawu.Sip.Stack;
using Huawu.Telephony.Calls;
using Huawu.Telephony.Configuration;
using Huawu.Telephony.Cti;

namespace Huawu.Telephony.Tests.Engine;

/// <summary>Calls from registered phones: digest on INVITE (RFC 3261 §22.3) and who may call at all.</summary>
public sealed class PhoneTests
{
    [Fact]
    public async Task A_registered_phone_proves_itself_with_digest_and_its_call_reaches_the_dialplan()
    {
        await using var rig = await EngineRig.StartAsync(configureCallee: PhonesOnly);
        await using var phone = new StackPhone();
        await phone.RegisterAsync(rig.CalleePort, "1001", "s3cret");

        var invite = phone.Stack.CreateInvite($"sip:echo@127.0.0.1:{rig.CalleePort}", "sip:1001@127.0.0.1", null, System.Text.Encoding.UTF8.GetBytes(ScriptedPeer.Sdp()));
        var calling = phone.Stack.SendInvite(invite, new NoDialog(), new SipSendOptions { Credentials = new DigestClient("1001", "s3cret") });
        var final = await calling.FinalResponse.Within();

        // The first INVITE was challenged 407; the one answered is the retry with Proxy-Authorization (CSeq 2).
        Assert.Equal(200, final.StatusCode);
        Assert.Equal(2u, calling.Request!.CSeq.Number);
        Assert.True(calling.Request.Contains(HeaderId.ProxyAuthorization));
        var created = await rig.CalleeEvents.WaitAsync<CallCreated>();
        Assert.Equal(("1001", "echo", (string?)null), (created.From, created.To, created.Trunk));
        await final.Dialog!.SendBye().FinalResponse.Within();
    }

    [Fact]
    public async Task A_source_that_is_neither_trunk_nor_registered_phone_is_refused_403()
    {
        await using var rig = await EngineRig.StartAsync(configureCallee: PhonesOnly);

        var result = await rig.CallAsync("echo").Within();

        Assert.Equal((HangupCause.CallRejected, (int?)403), (result.Cause, result.SipStatus));
        Assert.Empty(rig.CalleeEvents.All<CallCreated>());
    }

    private static void PhonesOnly(TelephonyOptions options)
    {
        options.Trunks.Clear();
        options.Extensions.Add(new ExtensionOptions { Number = "1001", Password = "s3cret" });
    }

    private sealed class NoDialog : Huawu.Sip.Dialogs.ISipDialogHandler
    {
        public void OnRequest(Huawu.Sip.Dialogs.SipDialog dialog, SipServerTransaction request) => request.Respond(200);

        public void OnAckTimeout(Huawu.Sip.Dialogs.SipDialog dialog) => dialog.SendBye();
    }
}
