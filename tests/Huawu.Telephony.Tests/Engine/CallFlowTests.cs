using Huawu.Telephony.Calls;
using Huawu.Telephony.Cti;

namespace Huawu.Telephony.Tests.Engine;

/// <summary>
/// Whole calls between two engines over loopback: the caller's UAC leg and the callee's UAS leg, their states, the
/// CTI events each publishes (exactly once per transition) and the durations they report, on fake time.
/// </summary>
public sealed class CallFlowTests
{
    [Fact]
    public async Task An_answered_call_publishes_created_answered_and_hung_up_once_on_each_side_with_talk_time()
    {
        await using var rig = await EngineRig.StartAsync();

        var result = await rig.CallAsync("echo").Within();
        Assert.True(result.IsAnswered, result.ToString());
        var call = result.Call!;
        var callee = Assert.Single(rig.Callee.Calls);
        await Eventually.TrueAsync(() => callee.State == CallState.Answered, "the callee's leg is answered");
        await rig.TickAsync(TimeSpan.FromSeconds(3));
        await call.HangupAsync();

        var callerEnd = await rig.CallerEvents.HungUpAsync(call.Id);
        var calleeEnd = await rig.CalleeEvents.HungUpAsync(callee.Id);
        Assert.Equal(CallState.Ended, call.State);
        Assert.Equal(["CallCreated", "CallAnswered", "CallHungUp"], rig.CallerEvents.NamesOf(call.Id));
        Assert.Equal(["CallCreated", "CallAnswered", "CallHungUp"], rig.CalleeEvents.NamesOf(callee.Id));
        // RFC 3261 §15.1: the side that sends BYE ends the call; the other learns it from the BYE.
        Assert.Equal((HangupCause.NormalClearing, HangupSide.Local, (int?)null), (callerEnd.Cause, callerEnd.By, callerEnd.SipStatus));
        Assert.Equal((HangupCause.NormalClearing, HangupSide.Remote, (int?)null), (calleeEnd.Cause, calleeEnd.By, calleeEnd.SipStatus));
        Assert.Equal(TimeSpan.FromSeconds(3), callerEnd.TalkDuration);
        Assert.Equal(TimeSpan.FromSeconds(3), calleeEnd.TalkDuration);
        Assert.Equal(TimeSpan.Zero, callerEnd.RingDuration);
        var created = Assert.IsType<CallCreated>(rig.CalleeEvents.Of(callee.Id)[0]);
        Assert.Equal((CallDirection.Inbound, "echo", "caller"), (created.Direction, created.To, created.Trunk));
        Assert.Equal("PCMU", Assert.IsType<CallAnswered>(rig.CallerEvents.Of(call.Id)[1]).Codec);
        Assert.Empty(rig.Caller.Calls);
        Assert.Empty(rig.Callee.Calls);
    }

    [Fact]
    public async Task Ringing_then_answer_reports_the_ring_time_and_a_bye_from_the_callee_ends_both_sides()
    {
        await using var rig = await EngineRig.StartAsync();
        var ringing = new TaskCompletionSource();
        var answer = new TaskCompletionSource();
        rig.Callee.SetInboundHandler(async call =>
        {
            await call.RingAsync();
            ringing.SetResult();
            await answer.Task;
            await call.AnswerAsync();
            await call.Ended;
        });

        var placing = rig.CallAsync("agent");
        await ringing.Task.Within();
        var callee = Assert.Single(rig.Callee.Calls);
        await rig.CallerEvents.WaitAsync<CallRinging>();
        rig.Time.Advance(TimeSpan.FromSeconds(4));
        answer.SetResult();
        var call = (await placing.Within()).Call!;
        await rig.TickAsync(TimeSpan.FromSeconds(2));
        await callee.HangupAsync();

        var callerEnd = await rig.CallerEvents.HungUpAsync(call.Id);
        var calleeEnd = await rig.CalleeEvents.HungUpAsync(callee.Id);
        Assert.Equal(["CallCreated", "CallRinging", "CallAnswered", "CallHungUp"], rig.CallerEvents.NamesOf(call.Id));
        Assert.Equal(["CallCreated", "CallRinging", "CallAnswered", "CallHungUp"], rig.CalleeEvents.NamesOf(callee.Id));
        Assert.Equal((HangupSide.Remote, HangupSide.Local), (callerEnd.By, calleeEnd.By));
        Assert.Equal(TimeSpan.FromSeconds(4), callerEnd.RingDuration);
        Assert.Equal(TimeSpan.FromSeconds(4), calleeEnd.RingDuration);
        Assert.Equal(TimeSpan.FromSeconds(2), callerEnd.TalkDuration);
        Assert.Equal(rig.Time.GetUtcNow() - TimeSpan.FromSeconds(2), call.AnsweredAt);
    }

    [Fact]
    public async Task No_answer_within_the_ring_timeout_cancels_and_both_sides_see_487()
    {
        await using var rig = await EngineRig.StartAsync();
        rig.Callee.SetInboundHandler(async call =>
        {
            await call.RingAsync();
            await call.Ended;
        });

        var placing = rig.CallAsync("agent", ringTimeout: TimeSpan.FromSeconds(20));
        await rig.CallerEvents.WaitAsync<CallRinging>();
        rig.Time.Advance(TimeSpan.FromSeconds(20));
        var result = await placing.Within();

        // RFC 3261 §9.1: the CANCEL gets 200 and the INVITE 487; the caller gave up, the callee was abandoned.
        Assert.False(result.IsAnswered);
        Assert.Equal((HangupCause.NoAnswer, (int?)487), (result.Cause, result.SipStatus));
        var callerEnd = await rig.CallerEvents.WaitAsync<CallHungUp>();
        var calleeEnd = await rig.CalleeEvents.WaitAsync<CallHungUp>();
        Assert.Equal((HangupCause.NoAnswer, HangupSide.Local, (int?)487), (callerEnd.Cause, callerEnd.By, callerEnd.SipStatus));
        Assert.Equal((HangupCause.OriginatorCancel, HangupSide.Remote, (int?)487), (calleeEnd.Cause, calleeEnd.By, calleeEnd.SipStatus));
        Assert.Equal(TimeSpan.FromSeconds(20), callerEnd.RingDuration);
        Assert.Equal(TimeSpan.Zero, callerEnd.TalkDuration);
        Assert.Equal(["CallCreated", "CallRinging", "CallHungUp"], rig.CalleeEvents.NamesOf(calleeEnd.CallId));
    }

    [Fact]
    public async Task Hanging_up_while_it_rings_cancels_with_the_given_cause()
    {
        await using var rig = await EngineRig.StartAsync();
        rig.Callee.SetInboundHandler(async call =>
        {
            await call.RingAsync();
            await call.Ended;
        });

        var placing = rig.CallAsync("agent");
        await rig.CallerEvents.WaitAsync<CallRinging>();
        var ringing = Assert.Single(rig.Caller.Calls);
        Assert.Equal(CallState.Ringing, ringing.State);
        await ringing.HangupAsync(HangupCause.CallRejected);
        var result = await placing.Within();

        Assert.Equal((HangupCause.CallRejected, (int?)487), (result.Cause, result.SipStatus));
        Assert.Equal(HangupCause.OriginatorCancel, (await rig.CalleeEvents.WaitAsync<CallHungUp>()).Cause);
    }

    [Theory]
    [InlineData(HangupCause.UserBusy, 486)]
    [InlineData(HangupCause.CallRejected, 603)]
    public async Task A_callee_refusing_before_answer_sends_the_status_of_its_cause(HangupCause cause, int status)
    {
        await using var rig = await EngineRig.StartAsync();
        rig.Callee.SetInboundHandler(call => call.HangupAsync(cause));

        var result = await rig.CallAsync("agent").Within();

        // RFC 3398 §7.2.4.1 one way, §8.2.6.1 back: the cause survives the trip as a SIP status.
        Assert.Equal((cause, (int?)status), (result.Cause, result.SipStatus));
        var callerEnd = await rig.CallerEvents.WaitAsync<CallHungUp>();
        Assert.Equal((cause, HangupSide.Remote, (int?)status), (callerEnd.Cause, callerEnd.By, callerEnd.SipStatus));
        var calleeEnd = await rig.CalleeEvents.WaitAsync<CallHungUp>();
        Assert.Equal((cause, HangupSide.Local, (int?)status), (calleeEnd.Cause, calleeEnd.By, calleeEnd.SipStatus));
    }

    [Fact]
    public async Task The_default_dialplan_refuses_an_unknown_number_with_404()
    {
        await using var rig = await EngineRig.StartAsync();

        var result = await rig.CallAsync("5550100").Within();

        Assert.Equal((HangupCause.UnallocatedNumber, (int?)404), (result.Cause, result.SipStatus));
    }

    [Fact]
    public async Task A_handler_that_returns_without_answering_leaves_the_call_refused_with_480()
    {
        await using var rig = await EngineRig.StartAsync();
        rig.Callee.SetInboundHandler(_ => Task.CompletedTask);

        var result = await rig.CallAsync("agent").Within();

        Assert.Equal((int?)480, result.SipStatus);
        Assert.Equal(HangupCause.NoUserResponse, result.Cause);
    }

    [Fact]
    public async Task A_handler_that_throws_fails_the_call_with_503_and_the_node_goes_on()
    {
        await using var rig = await EngineRig.StartAsync();
        rig.Callee.SetInboundHandler(_ => throw new InvalidOperationException("a bug upstairs"));

        var failed = await rig.CallAsync("agent").Within();
        rig.Callee.SetInboundHandler(call => call.AnswerAsync());
        var next = await rig.CallAsync("agent").Within();

        Assert.Equal((HangupCause.TemporaryFailure, (int?)503), (failed.Cause, failed.SipStatus));
        Assert.True(next.IsAnswered);
    }
}
