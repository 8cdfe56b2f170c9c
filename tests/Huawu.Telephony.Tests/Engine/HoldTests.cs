using Huawu.Telephony.Calls;
using Huawu.Telephony.Cti;

namespace Huawu.Telephony.Tests.Engine;

/// <summary>Hold and resume by re-INVITE (RFC 3264 §8.4), asked by either side, as both sides' states and CTI show it.</summary>
public sealed class HoldTests
{
    [Fact]
    public async Task The_caller_holds_and_resumes_and_both_sides_follow()
    {
        await using var rig = await EngineRig.StartAsync();
        var (call, callee) = await AnsweredCallAsync(rig);

        Assert.True(await call.HoldAsync().Within());
        await rig.CalleeEvents.WaitAsync<CallHeld>();
        Assert.Equal((CallState.Held, CallState.Held), (call.State, callee.State));
        Assert.True(await call.ResumeAsync().Within());
        await rig.CalleeEvents.WaitAsync<CallResumed>();
        await rig.CallerEvents.WaitAsync<CallResumed>();

        Assert.Equal((CallState.Answered, CallState.Answered), (call.State, callee.State));
        Assert.Equal(["CallCreated", "CallAnswered", "CallHeld", "CallResumed"], rig.CallerEvents.NamesOf(call.Id));
        Assert.Equal(["CallCreated", "CallAnswered", "CallHeld", "CallResumed"], rig.CalleeEvents.NamesOf(callee.Id));
        Assert.Equal(HangupSide.Local, rig.CallerEvents.All<CallHeld>().Single().By);
        Assert.Equal(HangupSide.Remote, rig.CalleeEvents.All<CallHeld>().Single().By);
        Assert.Equal(HangupSide.Remote, rig.CalleeEvents.All<CallResumed>().Single().By);
    }

    [Fact]
    public async Task The_callee_holds_the_caller_and_a_second_hold_changes_nothing()
    {
        await using var rig = await EngineRig.StartAsync();
        var (call, callee) = await AnsweredCallAsync(rig);

        Assert.True(await callee.HoldAsync().Within());
        Assert.True(await callee.HoldAsync().Within());
        await rig.CallerEvents.WaitAsync<CallHeld>();
        await rig.CalleeEvents.WaitAsync<CallHeld>();

        Assert.Equal(CallState.Held, call.State);
        Assert.Single(rig.CallerEvents.All<CallHeld>());
        Assert.Single(rig.CalleeEvents.All<CallHeld>());
        Assert.Equal(HangupSide.Remote, rig.CallerEvents.All<CallHeld>().Single().By);
        Assert.True(await callee.ResumeAsync().Within());
        await rig.CallerEvents.WaitAsync<CallResumed>();
        Assert.Equal(CallState.Answered, call.State);
    }

    [Fact]
    public async Task Holding_an_ended_call_reports_false()
    {
        await using var rig = await EngineRig.StartAsync();
        var (call, _) = await AnsweredCallAsync(rig);
        await call.HangupAsync();

        Assert.False(await call.HoldAsync().Within());
        Assert.False(await call.ResumeAsync().Within());
    }

    /// <summary>A call from the caller answered by the callee, once the callee has its ACK.</summary>
    internal static async Task<(ICall Caller, ICall Callee)> AnsweredCallAsync(EngineRig rig, string destination = "agent")
    {
        var answered = new TaskCompletionSource<ICall>();
        rig.Callee.SetInboundHandler(async call =>
        {
            if (await call.AnswerAsync()) answered.SetResult(call);
            await call.Ended;
        });
        var result = await rig.CallAsync(destination).Within();
        Assert.True(result.IsAnswered, result.ToString());
        var callee = await Task.WhenAny(answered.Task, Task.Delay(Eventually.Patience)) == answered.Task ? answered.Task.Result : null;
        Assert.True(callee is not null, "the callee never saw its answer acknowledged\n" + rig.Log);
        return (result.Call!, callee);
    }
}
