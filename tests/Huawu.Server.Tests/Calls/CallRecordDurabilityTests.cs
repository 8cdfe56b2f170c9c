using Huawu.Data.Calls;
using Huawu.Server.Calls;
using Huawu.Telephony.Calls;

namespace Huawu.Server.Tests.Calls;

/// <summary>
/// What survives: the queue drains at shutdown, a crash leaves calls open that the next start closes, and a failed write
/// is reported (log and audit) without stopping the writes of other calls.
/// </summary>
public sealed class CallRecordDurabilityTests
{
    [Fact]
    public async Task Stopping_drains_every_queued_write_before_returning()
    {
        await using var rig = await CallRecordRig.StartAsync();
        var call = new CtiScript(rig);
        const int Calls = 40;
        for (var i = 0; i < Calls; i++)
        {
            var leg = $"burst-{i}";
            call.Inbound(leg, from: "1380000" + i.ToString("0000", System.Globalization.CultureInfo.InvariantCulture), to: "02012345678");
            call.Answered(leg);
            call.HungUp(leg, HangupCause.NormalClearing, HangupSide.Remote);
        }

        await rig.StopAsync();

        var calls = await rig.AllCallsAsync();
        Assert.Equal(Calls, calls.Count);
        Assert.All(calls, c => Assert.Equal("NormalClearing", c.HangupCause));
        Assert.Equal(3 * Calls, (await Task.WhenAll(calls.Select(c => rig.Store.Calls.EventsAsync(c.Id)))).Sum(e => e.Count));
    }

    [Fact]
    public async Task A_call_left_open_by_a_crash_is_closed_at_the_next_start_as_node_restart_at_its_last_known_time()
    {
        await using var rig = await CallRecordRig.StartAsync();
        var call = new CtiScript(rig);
        call.Inbound("cut-off", from: "13812345678", to: "02012345678");
        call.Wait(5);
        call.Answered("cut-off");
        call.Wait(10);
        call.Dtmf("cut-off", '1');
        var lastKnown = rig.Time.GetUtcNow();
        await rig.UntilAsync(async () => await rig.Store.Calls.FindByUuidAsync("cut-off") is { } written &&
                                         (await rig.Store.Calls.EventsAsync(written.Id)).Any(e => e.Kind == "dtmf"), "the last event");

        // Written before answer, so the crash leaves a call without an end rather than no call.
        rig.Crash();
        Assert.Null((await rig.CallAsync("cut-off")).EndedAt);
        call.Wait(3600);
        await rig.StartServiceAsync();

        var closed = await rig.CallAsync("cut-off");
        Assert.Equal((RestartRecovery.Cause, lastKnown), (closed.HangupCause, closed.EndedAt));
        // Nobody is known to have hung up; it rang 5 s and talked at least until its last event.
        Assert.Equal(((CallSide?)null, TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(10)), (closed.HangupSide, closed.RingDuration, closed.TalkDuration));
        var leg = Assert.Single(await rig.Store.Calls.LegsAsync(closed.Id));
        Assert.Equal((RestartRecovery.Cause, lastKnown, (CallSide?)null), (leg.HangupCause, leg.EndedAt, leg.HangupSide));
        Assert.Equal("closed_at_restart", (await rig.Store.Calls.EventsAsync(closed.Id))[^1].Kind);
        var audited = Assert.Single(await rig.Store.Audit.ReadAsync(0, 100), e => e.TargetId == "cut-off");
        Assert.Equal((CallRecordProblems.Actor, "updated", "success"), (audited.Actor, audited.Action, audited.Outcome));

        // Closed once: a later start finds nothing left open.
        await rig.StopAsync();
        await rig.StartServiceAsync();
        Assert.Single(await rig.Store.Audit.ReadAsync(0, 100), e => e.TargetId == "cut-off");
    }

    [Fact]
    public async Task Calls_ended_before_a_clean_stop_are_not_touched_at_the_next_start()
    {
        await using var rig = await CallRecordRig.StartAsync();
        var call = new CtiScript(rig);
        call.Inbound("done", from: "13812345678", to: "02012345678");
        call.Wait(2);
        call.HungUp("done", HangupCause.NormalClearing, HangupSide.Remote);
        await rig.StopAsync();
        var ended = (await rig.CallAsync("done")).EndedAt;

        await rig.StartServiceAsync();

        Assert.Equal(("NormalClearing", ended), ((await rig.CallAsync("done")).HangupCause, (await rig.CallAsync("done")).EndedAt));
        Assert.Empty(await rig.Store.Audit.ReadAsync(0, 100));
    }

    [Fact]
    public async Task A_write_the_store_refuses_is_logged_and_audited_and_other_calls_are_still_recorded()
    {
        await using var rig = await CallRecordRig.StartAsync();
        // A record already holds this uuid: the call's own row cannot be written.
        Assert.NotNull((await rig.Store.Calls.InsertAsync(new NewCallRecord("taken", Huawu.Data.Calls.CallDirection.Inbound, rig.Time.GetUtcNow()))).Value);
        var call = new CtiScript(rig);
        call.Inbound("taken", from: "13812345678", to: "02012345678");
        call.Answered("taken");
        call.HungUp("taken", HangupCause.NormalClearing, HangupSide.Remote);
        call.Inbound("fine", from: "13912345678", to: "02012345678");
        call.HungUp("fine", HangupCause.NormalClearing, HangupSide.Remote);
        await rig.StopAsync();

        Assert.Contains(rig.Logs.Lines, l => l.StartsWith("Error", StringComparison.Ordinal) && l.Contains("Call taken: the call was not stored", StringComparison.Ordinal));
        var audited = Assert.Single(await rig.Store.Audit.ReadAsync(0, 100));
        Assert.Equal((CallRecordProblems.Actor, "created", "failure", "call", "taken"),
            (audited.Actor, audited.Action, audited.Outcome, audited.TargetType, audited.TargetId));
        // The other record is untouched by the failed call's later writes, and the next call is written whole.
        var taken = await rig.CallAsync("taken");
        Assert.Equal((null, null), (taken.EndedAt, taken.CustomerPhone));
        Assert.Empty(await rig.Store.Calls.LegsAsync(taken.Id));
        Assert.Equal("NormalClearing", (await rig.CallAsync("fine")).HangupCause);
    }
}
