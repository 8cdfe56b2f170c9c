using Dapper;
using Huawu.Data.Calls;
using Huawu.Data.Keys;
using Huawu.Data.Migrations;
using Huawu.Data.Storage;
using Huawu.Data.Tests.Support;
using Huawu.Testing;

namespace Huawu.Data.Tests.Migrations;

/// <summary>Schema 3 (call outcome columns) over a database a schema-2 node wrote calls into.</summary>
public sealed class CallOutcomesMigrationTests
{
    private static readonly DateTimeOffset Start = DateTimeOffset.FromUnixTimeMilliseconds(1_700_000_000_000);

    [Theory, BothDatabases]
    public async Task Calls_and_legs_written_under_schema_2_survive_with_the_new_columns_empty_and_can_be_ended_and_found(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var time = new ManualTimeProvider();
        var (ended, open) = await WriteUnderSchema2Async(database, time);

        var opened = await DataStore.OpenAsync(database.StoreOptions, KeyRing.Generate(time), time);
        Assert.True(opened.Store is not null, opened.Error);
        await using var store = opened.Store;

        var call = (await store.Calls.GetAsync(ended))!;
        Assert.Equal(("old-call", CallDirection.Inbound, "02012345678", Start, Start.AddSeconds(4), Start.AddSeconds(64), "NormalClearing"),
            (call.CallUuid, call.Direction, call.LocalNumber, call.StartedAt, call.AnsweredAt, call.EndedAt, call.HangupCause));
        // Unknown, not zero: reports must not count these calls as having rung or talked for no time.
        Assert.Equal((null, null, null, null, null), (call.Trunk, call.HangupSide, call.SipStatus, call.RingDuration, call.TalkDuration));
        var legs = await store.Calls.LegsAsync(ended);
        Assert.Equal([("old-call", Start.AddSeconds(4), "NormalClearing"), ("old-phone", Start.AddSeconds(3), "NormalClearing")],
            legs.Select(l => (l.LegUuid, l.AnsweredAt!.Value, l.HangupCause!)));
        Assert.All(legs, l => Assert.Equal((null, null, null), (l.Trunk, l.HangupSide, l.SipStatus)));
        Assert.Equal("leg=old-phone cause=NormalClearing by=remote", Assert.Single(await store.Calls.EventsAsync(ended)).Detail);

        // Legs written before the index are found by it; a call left open before the upgrade is closed with the new columns.
        Assert.Equal(ended, (await store.Calls.FindByLegIdAsync("old-phone"))?.Id);
        Assert.Equal(open, (await store.Calls.FindByLegIdAsync("open-call"))?.Id);
        Assert.True(await store.Calls.EndAsync(open, new CallEnd(Start.AddSeconds(90), "NodeRestart")
        {
            RingDuration = TimeSpan.FromSeconds(10), TalkDuration = TimeSpan.FromSeconds(80),
        }));
        var closed = (await store.Calls.GetAsync(open))!;
        Assert.Equal((TimeSpan.FromSeconds(10), TimeSpan.FromSeconds(80), (CallSide?)null), (closed.RingDuration, closed.TalkDuration, closed.HangupSide));
    }

    [Theory, BothDatabases]
    public async Task Legs_are_indexed_by_their_id(DatabaseProvider provider)
    {
        await using var test = await TestStore.CreateAsync(provider);
        await using var connection = await test.Database.OpenRawAsync();
        var definition = await connection.ExecuteScalarAsync<string>(provider == DatabaseProvider.Postgres
            ? "SELECT indexdef FROM pg_indexes WHERE tablename = 'call_legs' AND indexname = 'call_legs_leg'"
            : "SELECT sql FROM sqlite_master WHERE type = 'index' AND tbl_name = 'call_legs' AND name = 'call_legs_leg'");
        Assert.Contains("(leg_uuid)", definition, StringComparison.Ordinal);
    }

    /// <summary>Migrates to schema 2 only and writes what a node of that version wrote: an ended call with two legs, and an open one.</summary>
    private static async Task<(long Ended, long Open)> WriteUnderSchema2Async(TestDatabase database, ManualTimeProvider time)
    {
        await using var db = await database.OpenUnmigratedAsync();
        var schema2 = MigrationCatalog.For(db.Dialect).Where(m => m.Version <= 2).ToList();
        Assert.Equal(2, (await Migrator.MigrateAsync(db, schema2, time, default)).Version);
        var ms = Start.ToUnixTimeMilliseconds();
        return await db.WriteAsync(async (c, t) =>
        {
            var ended = await c.ExecuteScalarAsync<long>("""
                INSERT INTO calls (call_uuid, direction, local_number, started_at, answered_at, ended_at, hangup_cause)
                VALUES ('old-call', 'inbound', '02012345678', @ms, @ms + 4000, @ms + 64000, 'NormalClearing') RETURNING id
                """, new { ms }, t);
            await c.ExecuteAsync("""
                INSERT INTO call_legs (call_id, leg_uuid, role, started_at, answered_at, ended_at, hangup_cause) VALUES
                    (@ended, 'old-call', 'customer', @ms, @ms + 4000, @ms + 64000, 'NormalClearing'),
                    (@ended, 'old-phone', 'extension', @ms, @ms + 3000, @ms + 64000, 'NormalClearing')
                """, new { ended, ms }, t);
            await c.ExecuteAsync("""
                INSERT INTO call_events (call_id, occurred_at, kind, detail)
                VALUES (@ended, @ms + 64000, 'hung_up', 'leg=old-phone cause=NormalClearing by=remote')
                """, new { ended, ms }, t);
            var open = await c.ExecuteScalarAsync<long>("""
                INSERT INTO calls (call_uuid, direction, started_at, answered_at) VALUES ('open-call', 'outbound', @ms, @ms + 10000) RETURNING id
                """, new { ms }, t);
            return (ended, open);
        }, default);
    }
}
