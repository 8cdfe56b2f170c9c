using Huawu.Media.Dsp;
using Huawu.Telephony.Calls;
using Huawu.Telephony.Cti;

namespace Huawu.Telephony.Tests.Engine;

/// <summary>
/// Inbound calls to a local extension through the default dialplan: ring all its phones, relay ringing, answer the
/// caller when a phone answers and bridge; busy, no answer and no phone reach the caller by RFC 3398 §7.2.4.1.
/// </summary>
public sealed class ExtensionCallTests
{
    [Fact]
    public async Task Every_phone_rings_the_caller_hears_ringing_and_the_phone_that_answers_is_bridged_to_the_caller()
    {
        await using var rig = await ExtensionRig.StartAsync();
        await using var deskPhone = new StackPhone();
        await deskPhone.RegisterAsync(rig.CalleePort, "1001", ExtensionRig.Password);
        var pickUp = new TaskCompletionSource();
        var answered = new TaskCompletionSource<ICall>();
        rig.Caller.SetInboundHandler(async phone =>
        {
            await phone.RingAsync();
            await pickUp.Task;
            if (await phone.AnswerAsync()) answered.SetResult(phone);
            await phone.Ended;
        });

        var placing = rig.CallAsync("1001");
        var deskInvite = await deskPhone.Invite.Within();
        var ringing = await rig.CallerEvents.WaitAsync<CallRinging>(e => IsOutbound(rig.CallerEvents, e.CallId));
        pickUp.SetResult();
        var result = await placing.Within();
        var phone = await answered.Task.Within();

        Assert.True(result.IsAnswered, result.ToString());
        var caller = result.Call!;
        Assert.Equal(caller.Id, ringing.CallId);
        // RFC 3261 §9.1: the desk phone that did not answer is cancelled.
        await deskInvite.WhenCancelled.Within();
        Assert.Equal("1001", deskInvite.Request.From.Uri.User);
        using var callerSpeaks = caller.Transmit(new ToneGenerator(ToneSpec.Continuous(440, -10)));
        using var phoneSpeaks = phone.Transmit(new ToneGenerator(ToneSpec.Continuous(1000, -10)));
        var callerHears = new AudioProbe();
        var phoneHears = new AudioProbe();
        using var callerTap = caller.TapReceivedAudio(callerHears);
        using var phoneTap = phone.TapReceivedAudio(phoneHears);
        await rig.TickAsync(TimeSpan.FromSeconds(1.5));
        AudioProbe.AssertHears(callerHears.Samples, 1000, "the caller hears the phone");
        AudioProbe.AssertHears(phoneHears.Samples, 440, "the phone hears the caller");
        var inbound = rig.CalleeEvents.All<CallCreated>().Single(e => e.Direction == CallDirection.Inbound);
        Assert.Equal(["CallCreated", "CallRinging", "CallAnswered", "CallBridged"], rig.CalleeEvents.NamesOf(inbound.CallId));
        // Each phone's leg says it was placed for the caller's: one conversation for the call records.
        var phoneLegs = rig.CalleeEvents.All<CallCreated>().Where(e => e.Direction == CallDirection.Outbound).ToList();
        Assert.Equal(2, phoneLegs.Count);
        Assert.All(phoneLegs, leg => Assert.Equal(inbound.CallId, leg.OnBehalfOf));
        Assert.Null(inbound.OnBehalfOf);

        await phone.HangupAsync();
        var callerEnd = await caller.Ended.Within();
        Assert.Equal((HangupCause.NormalClearing, HangupSide.Remote), (callerEnd.Cause, callerEnd.By));
    }

    [Theory]
    [InlineData("1001", HangupCause.UserBusy, 486)]
    [InlineData("1001", HangupCause.CallRejected, 603)]
    [InlineData("1002", null, 480)] // no phone registered
    [InlineData("1003", null, 404)] // no such extension
    public async Task A_call_that_reaches_no_phone_is_refused_with_the_status_for_why(string extension, HangupCause? phoneRefuses, int status)
    {
        await using var rig = await ExtensionRig.StartAsync();
        rig.Caller.SetInboundHandler(phone => phone.HangupAsync(phoneRefuses!.Value));

        var result = await rig.CallAsync(extension).Within();

        Assert.Equal(status, result.SipStatus);
        var inbound = await rig.CalleeEvents.WaitAsync<CallHungUp>(e => !IsOutbound(rig.CalleeEvents, e.CallId));
        Assert.Equal((HangupSide.Local, (int?)status), (inbound.By, inbound.SipStatus));
    }

    [Fact]
    public async Task A_phone_that_rings_out_its_time_leaves_the_caller_with_480()
    {
        await using var rig = await ExtensionRig.StartAsync(node => node.Calls.ExtensionRingSeconds = 20);
        rig.Caller.SetInboundHandler(async phone =>
        {
            await phone.RingAsync();
            await phone.Ended;
        });

        var placing = rig.CallAsync("1001");
        await rig.CallerEvents.WaitAsync<CallRinging>(e => IsOutbound(rig.CallerEvents, e.CallId));
        rig.Time.Advance(TimeSpan.FromSeconds(19));
        Assert.False(placing.IsCompleted);
        rig.Time.Advance(TimeSpan.FromSeconds(1));
        var result = await placing.Within();

        Assert.Equal((HangupCause.NoUserResponse, (int?)480), (result.Cause, result.SipStatus));
        var phoneLeg = await rig.CalleeEvents.WaitAsync<CallHungUp>(e => e.Cause == HangupCause.NoAnswer);
        Assert.Equal((int?)487, phoneLeg.SipStatus);
    }

    [Fact]
    public async Task A_caller_who_gives_up_cancels_the_ringing_phones()
    {
        await using var rig = await ExtensionRig.StartAsync();
        var phoneEnded = new TaskCompletionSource<CallHungUp>();
        rig.Caller.SetInboundHandler(async phone =>
        {
            await phone.RingAsync();
            phoneEnded.SetResult(await phone.Ended);
        });
        using var giveUp = new CancellationTokenSource();

        var placing = rig.CallAsync("1001", cancellationToken: giveUp.Token);
        await rig.CallerEvents.WaitAsync<CallRinging>(e => IsOutbound(rig.CallerEvents, e.CallId));
        await giveUp.CancelAsync();
        var result = await placing.Within();

        Assert.Equal((HangupCause.OriginatorCancel, (int?)487), (result.Cause, result.SipStatus));
        var phone = await phoneEnded.Task.Within();
        Assert.Equal((HangupCause.OriginatorCancel, HangupSide.Remote), (phone.Cause, phone.By));
        var nodeEnds = await rig.CalleeEvents.WaitAsync<CallHungUp>(e => IsOutbound(rig.CalleeEvents, e.CallId));
        Assert.Equal((HangupCause.OriginatorCancel, HangupSide.Local, (int?)487), (nodeEnds.Cause, nodeEnds.By, nodeEnds.SipStatus));
    }

    private static bool IsOutbound(CtiRecorder events, CallId call) =>
        events.Of(call).OfType<CallCreated>().Single().Direction == CallDirection.Outbound;
}
