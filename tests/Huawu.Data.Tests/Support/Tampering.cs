using Dapper;
using Huawu.Data.Storage;

namespace Huawu.Data.Tests.Support;

/// <summary>Plays someone with direct database access: removes the append-only triggers, then changes rows.</summary>
public static class Tampering
{
    public static async Task OnAuditLogAsync(TestDatabase database, params string[] statements)
    {
        await using var connection = await database.OpenRawAsync();
        await connection.ExecuteAsync(database.Provider == DatabaseProvider.Postgres
            ? "DROP TRIGGER audit_log_no_change ON audit_log; DROP TRIGGER audit_log_no_truncate ON audit_log"
            : "DROP TRIGGER audit_log_no_update; DROP TRIGGER audit_log_no_delete");
        foreach (var statement in statements) await connection.ExecuteAsync(statement);
    }
}
