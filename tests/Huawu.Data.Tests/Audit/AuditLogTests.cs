using System.Data.Common;
using Dapper;
using Huawu.Data.Audit;
using Huawu.Data.Storage;
using Huawu.Data.Tests.Support;

namespace Huawu.Data.Tests.Audit;

public sealed class AuditLogTests
{
    private static async Task<IReadOnlyList<AuditEntry>> AppendTenAsync(TestStore test)
    {
        for (var i = 1; i <= 10; i++)
        {
            await test.Store.Audit.AppendAsync(new AuditEvent("user:admin", i % 2 == 0 ? AuditAction.Updated : AuditAction.LoginSucceeded,
                TargetType: "contact", TargetId: i.ToString(System.Globalization.CultureInfo.InvariantCulture), Detail: $"change {i}"));
            test.Time.Advance(TimeSpan.FromSeconds(1));
        }
        return await test.Store.Audit.ReadAsync(0, 100);
    }

    [Theory, BothDatabases]
    public async Task Entries_chain_each_to_the_previous_one_and_verify(DatabaseProvider provider)
    {
        await using var test = await TestStore.CreateAsync(provider);
        Assert.Equal(new AuditVerification(0, null, null), await test.Store.Audit.VerifyAsync());
        var first = await test.Store.Audit.AppendAsync(new AuditEvent("cli", AuditAction.Created, TargetType: "user", TargetId: "1"));
        var second = await test.Store.Audit.AppendAsync(new AuditEvent("user:bob", AuditAction.LoginFailed, AuditOutcome.Failure, Detail: "wrong password"));

        Assert.Equal((1L, "created", "success"), (first.Sequence, first.Action, first.Outcome));
        Assert.Equal(new byte[32], first.PreviousHash);
        Assert.Equal((2L, "login_failed", "failure"), (second.Sequence, second.Action, second.Outcome));
        Assert.Equal(first.Hash, second.PreviousHash);
        Assert.Equivalent(new[] { first, second }, await test.Store.Audit.ReadAsync(0, 10), strict: true);
        Assert.Equivalent(new[] { second }, await test.Store.Audit.ReadAsync(1, 10), strict: true);
        Assert.Equal(new AuditVerification(2, null, null), await test.Store.Audit.VerifyAsync());
    }

    [Theory, BothDatabases]
    public async Task The_database_refuses_updates_and_deletes_of_entries(DatabaseProvider provider)
    {
        await using var test = await TestStore.CreateAsync(provider);
        await AppendTenAsync(test);
        await using var connection = await test.Database.OpenRawAsync();
        await Assert.ThrowsAnyAsync<DbException>(() => connection.ExecuteAsync("UPDATE audit_log SET detail = 'x' WHERE seq = 3"));
        await Assert.ThrowsAnyAsync<DbException>(() => connection.ExecuteAsync("DELETE FROM audit_log WHERE seq = 3"));
        Assert.True((await test.Store.Audit.VerifyAsync()).IsIntact);
    }

    [Theory, BothDatabases]
    public async Task An_edited_entry_is_named(DatabaseProvider provider)
    {
        await using var test = await TestStore.CreateAsync(provider);
        await AppendTenAsync(test);
        await Tampering.OnAuditLogAsync(test.Database, "UPDATE audit_log SET detail = 'nothing happened' WHERE seq = 4");
        var verification = await test.Store.Audit.VerifyAsync();
        Assert.Equal(4, verification.FirstBadSequence);
        Assert.Equal(3, verification.EntriesChecked);
        Assert.Contains("entry 4 was altered", verification.Problem, StringComparison.Ordinal);
    }

    [Theory, BothDatabases]
    public async Task An_edit_with_the_chain_recomputed_without_the_audit_key_is_still_found(DatabaseProvider provider)
    {
        await using var test = await TestStore.CreateAsync(provider);
        var entries = await AppendTenAsync(test);
        var forged = entries[6] with { Actor = "user:nobody" };
        var forgedHash = AuditChain.Hash(new byte[32], forged.Sequence, forged.OccurredAt.ToUnixTimeMilliseconds(), forged.Actor, forged.Action,
            forged.Outcome, forged.TargetType, forged.TargetId, forged.Detail, forged.PreviousHash);
        await using (var connection = await test.Database.OpenRawAsync())
        {
            await Tampering.OnAuditLogAsync(test.Database);
            await connection.ExecuteAsync("UPDATE audit_log SET actor = 'user:nobody', hash = @forgedHash WHERE seq = 7", new { forgedHash });
        }
        Assert.Equal(7, (await test.Store.Audit.VerifyAsync()).FirstBadSequence);
    }

    [Theory, BothDatabases]
    public async Task A_deleted_entry_is_named(DatabaseProvider provider)
    {
        await using var test = await TestStore.CreateAsync(provider);
        await AppendTenAsync(test);
        await Tampering.OnAuditLogAsync(test.Database, "DELETE FROM audit_log WHERE seq = 6");
        var verification = await test.Store.Audit.VerifyAsync();
        Assert.Equal(6, verification.FirstBadSequence);
        Assert.Contains("entry 6 is missing", verification.Problem, StringComparison.Ordinal);
    }

    [Theory, BothDatabases]
    public async Task A_deletion_closed_up_by_renumbering_is_named(DatabaseProvider provider)
    {
        await using var test = await TestStore.CreateAsync(provider);
        await AppendTenAsync(test);
        await Tampering.OnAuditLogAsync(test.Database, "DELETE FROM audit_log WHERE seq = 1", "UPDATE audit_log SET seq = seq - 1");
        var verification = await test.Store.Audit.VerifyAsync();
        Assert.Equal(1, verification.FirstBadSequence);
        Assert.Contains("does not follow", verification.Problem, StringComparison.Ordinal);
    }

    [Theory, BothDatabases]
    public async Task Reordered_entries_are_named(DatabaseProvider provider)
    {
        await using var test = await TestStore.CreateAsync(provider);
        await AppendTenAsync(test);
        await Tampering.OnAuditLogAsync(test.Database,
            "UPDATE audit_log SET seq = -1 WHERE seq = 8", "UPDATE audit_log SET seq = 8 WHERE seq = 9", "UPDATE audit_log SET seq = 9 WHERE seq = -1");
        var verification = await test.Store.Audit.VerifyAsync();
        Assert.Equal(8, verification.FirstBadSequence);
        Assert.Equal(7, verification.EntriesChecked);
    }

    [Theory, BothDatabases]
    public async Task Concurrent_appends_from_two_nodes_never_fork_the_chain(DatabaseProvider provider)
    {
        await using var test = await TestStore.CreateAsync(provider);
        var secondNode = (await DataStore.OpenAsync(test.Database.StoreOptions, test.Keys, test.Time)).Store!;
        await using (secondNode)
        {
            var writers = Enumerable.Range(0, 8).Select(w => Task.Run(async () =>
            {
                var log = w % 2 == 0 ? test.Store.Audit : secondNode.Audit;
                for (var i = 0; i < 20; i++) await log.AppendAsync(new AuditEvent($"writer:{w}", AuditAction.Updated, TargetId: i.ToString(System.Globalization.CultureInfo.InvariantCulture)));
            }));
            await Task.WhenAll(writers);
        }
        var entries = await test.Store.Audit.ReadAsync(0, 1000);
        Assert.Equal(Enumerable.Range(1, 160).Select(i => (long)i), entries.Select(e => e.Sequence));
        Assert.Equal(new AuditVerification(160, null, null), await test.Store.Audit.VerifyAsync());
    }

    [Fact]
    public void Stored_names_are_snake_case()
    {
        Assert.Equal("recording_played", AuditActions.NameOf(AuditAction.RecordingPlayed));
        Assert.Equal("unhandled_exception", AuditActions.NameOf(AuditAction.UnhandledException));
        Assert.Equal("denied", AuditActions.NameOf(AuditOutcome.Denied));
    }
}
