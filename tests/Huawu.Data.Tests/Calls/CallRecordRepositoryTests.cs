using Dapper;
using Huawu.Data.Calls;
using Huawu.Data.Storage;
using Huawu.Data.Tests.Support;

namespace Huawu.Data.Tests.Calls;

public sealed class CallRecordRepositoryTests
{
    [Theory, BothDatabases]
    public async Task A_call_reads_back_whole_and_is_found_by_uuid_and_customer_number(DatabaseProvider provider)
    {
        await using var test = await TestStore.CreateAsync(provider);
        var now = test.Time.GetUtcNow();
        var inserted = await test.Store.Calls.InsertAsync(new NewCallRecord("c-1", CallDirection.Inbound, now)
        {
            CustomerPhone = "138 1234 5678",
            LocalNumber = "+862012345678",
            Trunk = "carrier",
            AnsweredAt = now.AddSeconds(3),
            EndedAt = now.AddSeconds(63),
            HangupCause = "normal_clearing",
            HangupSide = CallSide.Remote,
            RingDuration = TimeSpan.FromMilliseconds(3_000),
            TalkDuration = TimeSpan.FromMilliseconds(60_000),
            DispositionCode = "answered",
            IntentGrade = "A",
        });
        var call = inserted.Value!;
        Assert.Equal(new CallRecord(call.Id, "c-1", CallDirection.Inbound, "+8613812345678", "+862012345678", "carrier", null, null, null,
            now, now.AddSeconds(3), now.AddSeconds(63), "normal_clearing", CallSide.Remote, null, TimeSpan.FromSeconds(3), TimeSpan.FromSeconds(60),
            "answered", "A"), call);
        Assert.Equal(call, await test.Store.Calls.FindByUuidAsync("c-1"));
        Assert.Equal(call, Assert.Single(await test.Store.Calls.FindByCustomerPhoneAsync("+86 13812345678")));
        Assert.Equal(DataProblem.Duplicate, (await test.Store.Calls.InsertAsync(new NewCallRecord("c-1", CallDirection.Outbound, now))).Problem);
    }

    [Theory, BothDatabases]
    public async Task A_caller_id_that_is_not_a_number_is_kept_encrypted_but_not_indexed(DatabaseProvider provider)
    {
        await using var test = await TestStore.CreateAsync(provider);
        var call = await Seed.CallAsync(test.Store, "anonymous", test.Time.GetUtcNow());
        Assert.Equal("anonymous", call.CustomerPhone);
        await using var connection = await test.Database.OpenRawAsync();
        Assert.Null(await connection.ExecuteScalarAsync<byte[]?>("SELECT customer_phone_index FROM calls WHERE id = @Id", new { call.Id }));
        Assert.Empty(await test.Store.Calls.FindByCustomerPhoneAsync("anonymous"));
    }

    [Theory, BothDatabases]
    public async Task A_call_is_answered_then_ended(DatabaseProvider provider)
    {
        await using var test = await TestStore.CreateAsync(provider);
        var start = test.Time.GetUtcNow();
        var call = await Seed.CallAsync(test.Store, "13812345678", start);
        Assert.True(await test.Store.Calls.MarkAnsweredAsync(call.Id, start.AddSeconds(5)));
        Assert.True(await test.Store.Calls.EndAsync(call.Id, new CallEnd(start.AddSeconds(65), "normal_clearing", "callback", "B")));
        Assert.False(await test.Store.Calls.EndAsync(call.Id + 1, new CallEnd(start, "x")));

        var ended = (await test.Store.Calls.GetAsync(call.Id))!;
        Assert.Equal((start.AddSeconds(5), start.AddSeconds(65), "normal_clearing", "callback", "B"),
            (ended.AnsweredAt!.Value, ended.EndedAt!.Value, ended.HangupCause, ended.DispositionCode, ended.IntentGrade));
    }

    [Theory, BothDatabases]
    public async Task Legs_events_and_variables_belong_to_their_call(DatabaseProvider provider)
    {
        await using var test = await TestStore.CreateAsync(provider);
        var start = test.Time.GetUtcNow();
        var call = await Seed.CallAsync(test.Store, "13812345678", start);
        var other = await Seed.CallAsync(test.Store, "13900000000", start);

        var leg = (await test.Store.Calls.AddLegAsync(call.Id, new NewCallLeg("leg-a", "customer", "138-1234-5678", start))).Value!;
        Assert.Equal("+8613812345678", leg.Party);
        Assert.True(await test.Store.Calls.EndLegAsync(leg.Id, new LegEnd(start.AddSeconds(30), "normal_clearing")));
        await test.Store.Calls.AddLegAsync(call.Id, new NewCallLeg("leg-b", "robot", null, start));
        Assert.Equal(DataProblem.NotFound, (await test.Store.Calls.AddLegAsync(999, new NewCallLeg("x", "agent", null, start))).Problem);
        var legs = await test.Store.Calls.LegsAsync(call.Id);
        Assert.Equal(["leg-a", "leg-b"], legs.Select(l => l.LegUuid));
        Assert.Equal((start.AddSeconds(30), "normal_clearing"), (legs[0].EndedAt!.Value, legs[0].HangupCause));

        await test.Store.Calls.AddEventAsync(call.Id, "queued", "queue 3");
        test.Time.Advance(TimeSpan.FromSeconds(4));
        await test.Store.Calls.AddEventAsync(call.Id, "dtmf", "1");
        Assert.Equal(DataProblem.NotFound, (await test.Store.Calls.AddEventAsync(999, "dtmf", null)).Problem);
        // Written late, stamped with when it happened: the timeline stays in order.
        Assert.Equal(start.AddSeconds(2), (await test.Store.Calls.AddEventAsync(call.Id, start.AddSeconds(2), "answered", null)).Value!.OccurredAt);
        Assert.Equal(DataProblem.NotFound, (await test.Store.Calls.AddEventAsync(999, start, "dtmf", null)).Problem);
        Assert.Equal([("queued", start), ("answered", start.AddSeconds(2)), ("dtmf", start.AddSeconds(4))],
            (await test.Store.Calls.EventsAsync(call.Id)).Select(e => (e.Kind, e.OccurredAt)));
        Assert.Empty(await test.Store.Calls.EventsAsync(other.Id));

        Assert.True(await test.Store.Calls.SetVariableAsync(call.Id, "callback_time", "周三下午"));
        Assert.True(await test.Store.Calls.SetVariableAsync(call.Id, "callback_time", "周四上午"));
        Assert.True(await test.Store.Calls.SetVariableAsync(call.Id, "amount", "500"));
        Assert.False(await test.Store.Calls.SetVariableAsync(999, "amount", "1"));
        Assert.Equal(new Dictionary<string, string> { ["amount"] = "500", ["callback_time"] = "周四上午" }, await test.Store.Calls.VariablesAsync(call.Id));
        Assert.Empty(await test.Store.Calls.VariablesAsync(other.Id));
    }

    [Theory, BothDatabases]
    public async Task Bulk_insert_adds_every_call_in_batches_and_skips_known_uuids(DatabaseProvider provider)
    {
        await using var test = await TestStore.CreateAsync(provider);
        var start = test.Time.GetUtcNow();
        await Seed.CallAsync(test.Store, null, start, uuid: "bulk-17");
        var calls = Enumerable.Range(0, 5_321).Select(i => new NewCallRecord($"bulk-{i}", i % 2 == 0 ? CallDirection.Outbound : CallDirection.Inbound,
            start.AddSeconds(i))
        {
            CustomerPhone = i % 10 == 0 ? null : $"138{i:D8}",
            EndedAt = i % 3 == 0 ? start.AddSeconds(i + 30) : null,
            HangupCause = i % 3 == 0 ? "normal_clearing" : null,
        }).ToList();

        Assert.Equal(5_320, await test.Store.Calls.InsertManyAsync(calls));
        Assert.Equal(0, await test.Store.Calls.InsertManyAsync(calls[..10]));
        Assert.Equal(0, await test.Store.Calls.InsertManyAsync([]));

        var last = (await test.Store.Calls.FindByUuidAsync("bulk-5318"))!;
        Assert.Equal((CallDirection.Outbound, "+8613800005318", start.AddSeconds(5318), (DateTimeOffset?)null),
            (last.Direction, last.CustomerPhone, last.StartedAt, last.EndedAt));
        var third = (await test.Store.Calls.FindByUuidAsync("bulk-3000"))!;
        Assert.Equal((null, start.AddSeconds(3030), "normal_clearing"), (third.CustomerPhone, third.EndedAt!.Value, third.HangupCause));
        Assert.Single(await test.Store.Calls.FindByCustomerPhoneAsync("13800004999"));
    }
}
