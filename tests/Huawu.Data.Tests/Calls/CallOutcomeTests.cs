using Dapper;
using Huawu.Data.Calls;
using Huawu.Data.Storage;
using Huawu.Data.Tests.Support;

namespace Huawu.Data.Tests.Calls;

/// <summary>How calls and legs went, as the columns reports compute from (schema 3), and finding a call by any of its legs.</summary>
public sealed class CallOutcomeTests
{
    [Theory, BothDatabases]
    public async Task A_calls_end_keeps_who_hung_up_its_sip_status_and_how_long_it_rang_and_talked(DatabaseProvider provider)
    {
        await using var test = await TestStore.CreateAsync(provider);
        var start = test.Time.GetUtcNow();
        var talked = await Seed.CallAsync(test.Store, "13812345678", start);
        var refused = await Seed.CallAsync(test.Store, "13900000000", start);

        Assert.True(await test.Store.Calls.MarkAnsweredAsync(talked.Id, start.AddMilliseconds(4_500)));
        Assert.True(await test.Store.Calls.EndAsync(talked.Id, new CallEnd(start.AddMilliseconds(64_500), "NormalClearing")
        {
            HangupSide = CallSide.Local, RingDuration = TimeSpan.FromMilliseconds(4_500), TalkDuration = TimeSpan.FromSeconds(60),
        }));
        Assert.True(await test.Store.Calls.EndAsync(refused.Id, new CallEnd(start.AddSeconds(20), "NoAnswer")
        {
            HangupSide = CallSide.Local, SipStatus = 480, RingDuration = TimeSpan.FromSeconds(20), TalkDuration = TimeSpan.Zero,
        }));
        Assert.False(await test.Store.Calls.EndAsync(refused.Id + 1, new CallEnd(start, "NoAnswer") { SipStatus = 480 }));

        var first = (await test.Store.Calls.GetAsync(talked.Id))!;
        Assert.Equal(("NormalClearing", CallSide.Local, null, TimeSpan.FromMilliseconds(4_500), TimeSpan.FromSeconds(60)),
            (first.HangupCause, first.HangupSide, first.SipStatus, first.RingDuration, first.TalkDuration));
        var second = (await test.Store.Calls.GetAsync(refused.Id))!;
        Assert.Equal(("NoAnswer", CallSide.Local, 480, TimeSpan.FromSeconds(20), TimeSpan.Zero),
            (second.HangupCause, second.HangupSide, second.SipStatus, second.RingDuration, second.TalkDuration));

        // Reports read the columns with SQL: plain values, durations in milliseconds.
        await using var connection = await test.Database.OpenRawAsync();
        var row = await connection.QuerySingleAsync<(string, long, long, long)>(
            "SELECT hangup_side, sip_status, ring_ms, talk_ms FROM calls WHERE id = @Id", new { refused.Id });
        Assert.Equal(("local", 480L, 20_000L, 0L), row);
    }

    [Theory, BothDatabases]
    public async Task A_legs_trunk_answer_and_end_are_kept_with_who_hung_up_and_its_sip_status(DatabaseProvider provider)
    {
        await using var test = await TestStore.CreateAsync(provider);
        var start = test.Time.GetUtcNow();
        var call = await Seed.CallAsync(test.Store, "13812345678", start);
        var caller = (await test.Store.Calls.AddLegAsync(call.Id, new NewCallLeg("caller", "customer", "13812345678", start) { Trunk = "carrier" })).Value!;
        var desk = (await test.Store.Calls.AddLegAsync(call.Id, new NewCallLeg("desk", "extension", "1001", start.AddSeconds(1)))).Value!;
        Assert.Equal("carrier", caller.Trunk);

        Assert.True(await test.Store.Calls.MarkLegAnsweredAsync(desk.Id, start.AddSeconds(5)));
        Assert.True(await test.Store.Calls.MarkLegAnsweredAsync(caller.Id, start.AddSeconds(6)));
        Assert.True(await test.Store.Calls.EndLegAsync(desk.Id, new LegEnd(start.AddSeconds(35), "NormalClearing") { HangupSide = CallSide.Remote }));
        Assert.True(await test.Store.Calls.EndLegAsync(caller.Id, new LegEnd(start.AddSeconds(35), "NormalClearing") { HangupSide = CallSide.Local }));
        Assert.False(await test.Store.Calls.MarkLegAnsweredAsync(desk.Id + 100, start));
        Assert.False(await test.Store.Calls.EndLegAsync(desk.Id + 100, new LegEnd(start, "NormalClearing")));

        Assert.Equal(
            [
                new CallLeg(caller.Id, call.Id, "caller", "customer", "+8613812345678", "carrier", start, start.AddSeconds(6), start.AddSeconds(35),
                    "NormalClearing", CallSide.Local, null),
                new CallLeg(desk.Id, call.Id, "desk", "extension", "1001", null, start.AddSeconds(1), start.AddSeconds(5), start.AddSeconds(35),
                    "NormalClearing", CallSide.Remote, null),
            ],
            await test.Store.Calls.LegsAsync(call.Id));
    }

    [Theory, BothDatabases]
    public async Task A_leg_that_never_connected_keeps_the_final_sip_status(DatabaseProvider provider)
    {
        await using var test = await TestStore.CreateAsync(provider);
        var start = test.Time.GetUtcNow();
        var call = await Seed.CallAsync(test.Store, "13812345678", start);
        var mobile = (await test.Store.Calls.AddLegAsync(call.Id, new NewCallLeg("mobile", "extension", "1001", start))).Value!;

        // RFC 3261 §9.1: a phone rung alongside the one that answered is cancelled, and answers 487.
        Assert.True(await test.Store.Calls.EndLegAsync(mobile.Id,
            new LegEnd(start.AddSeconds(5), "NonSelectedUserClearing") { HangupSide = CallSide.Local, SipStatus = 487 }));
        var leg = Assert.Single(await test.Store.Calls.LegsAsync(call.Id));
        Assert.Equal((null, "NonSelectedUserClearing", CallSide.Local, 487), (leg.AnsweredAt, leg.HangupCause, leg.HangupSide, leg.SipStatus));
    }

    [Theory, BothDatabases]
    public async Task A_call_is_found_by_the_id_of_any_of_its_legs_or_of_the_leg_that_began_it(DatabaseProvider provider)
    {
        await using var test = await TestStore.CreateAsync(provider);
        var start = test.Time.GetUtcNow();
        var extensionCall = await Seed.CallAsync(test.Store, "13812345678", start, uuid: "caller");
        await test.Store.Calls.AddLegAsync(extensionCall.Id, new NewCallLeg("caller", "customer", "13812345678", start));
        await test.Store.Calls.AddLegAsync(extensionCall.Id, new NewCallLeg("phone", "extension", "1001", start));
        // Another call whose first leg's row is not written yet: found by its uuid, the first leg's id.
        var opening = await Seed.CallAsync(test.Store, "13900000000", start, uuid: "opening");

        Assert.Equal(extensionCall.Id, (await test.Store.Calls.FindByLegIdAsync("phone"))?.Id);
        Assert.Equal(extensionCall.Id, (await test.Store.Calls.FindByLegIdAsync("caller"))?.Id);
        Assert.Equal(opening, await test.Store.Calls.FindByLegIdAsync("opening"));
        Assert.Null(await test.Store.Calls.FindByLegIdAsync("ghost"));
        Assert.Null(await test.Store.Calls.FindByLegIdAsync("PHONE"));
    }

    [Theory, BothDatabases]
    public async Task Bulk_insert_keeps_the_outcome_columns(DatabaseProvider provider)
    {
        await using var test = await TestStore.CreateAsync(provider);
        var start = test.Time.GetUtcNow();
        var calls = Enumerable.Range(0, 250).Select(i => new NewCallRecord($"bulk-{i}", CallDirection.Outbound, start)
        {
            Trunk = i % 2 == 0 ? "carrier-a" : null,
            EndedAt = start.AddSeconds(30),
            HangupCause = i % 5 == 0 ? "UserBusy" : "NormalClearing",
            HangupSide = i % 3 == 0 ? CallSide.Local : CallSide.Remote,
            SipStatus = i % 5 == 0 ? 486 : null,
            RingDuration = TimeSpan.FromMilliseconds(i),
            TalkDuration = TimeSpan.FromMilliseconds(30_000 - i),
        }).ToList();

        Assert.Equal(250, await test.Store.Calls.InsertManyAsync(calls));
        var busy = (await test.Store.Calls.FindByUuidAsync("bulk-240"))!;
        Assert.Equal(("carrier-a", CallSide.Local, 486, TimeSpan.FromMilliseconds(240), TimeSpan.FromMilliseconds(29_760)),
            (busy.Trunk, busy.HangupSide, busy.SipStatus, busy.RingDuration, busy.TalkDuration));
        var talked = (await test.Store.Calls.FindByUuidAsync("bulk-121"))!;
        Assert.Equal(((string?)null, CallSide.Remote, (int?)null, TimeSpan.FromMilliseconds(121)),
            (talked.Trunk, talked.HangupSide, talked.SipStatus, talked.RingDuration));
    }
}
