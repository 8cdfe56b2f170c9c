using System.Data.Common;
using Huawu.Data.Storage;

namespace Huawu.Data.Compliance;

internal sealed class DoNotCallList(StoreContext context) : IDoNotCallList
{
    private Database Database => context.Database;

    public Task<DataResult<bool>> AddAsync(string phone, string reason, string source, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(reason);
        ArgumentNullException.ThrowIfNull(source);
        if (context.PhoneIndexOf(phone) is not { } index)
            return Task.FromResult(DataResult.Fail<bool>(DataProblem.Invalid, "phone: not a phone number"));
        return Database.WriteAsync(async (c, t) => DataResult.Ok(await AddAsync(c, t, index, reason, source, context.NowMs, cancellation)),
            cancellation);
    }

    /// <summary>Lists a blind index inside another unit of work (erasure).</summary>
    internal static async Task<bool> AddAsync(DbConnection connection, DbTransaction transaction, byte[] index, string reason, string source,
        long now, CancellationToken cancellation) =>
        await connection.Exec("""
            INSERT INTO do_not_call (phone_index, reason, source, created_at) VALUES (@index, @reason, @source, @now)
            ON CONFLICT (phone_index) DO NOTHING
            """, new { index, reason, source, now }, transaction, cancellation) > 0;

    public async Task<DoNotCallEntry?> FindAsync(string phone, CancellationToken cancellation = default)
    {
        if (context.PhoneIndexOf(phone) is not { } index) return null;
        var row = await Database.ReadAsync(c => c.FirstOrDefault<Row>(
            "SELECT reason, source, created_at FROM do_not_call WHERE phone_index = @index", new { index }, null, cancellation), cancellation);
        return row is null ? null : new DoNotCallEntry(row.Reason, row.Source, UnixTime.FromMs(row.CreatedAt));
    }

    public async Task<bool> ContainsAsync(string phone, CancellationToken cancellation = default) =>
        await FindAsync(phone, cancellation) is not null;

    public Task<bool> RemoveAsync(string phone, CancellationToken cancellation = default) =>
        context.PhoneIndexOf(phone) is { } index
            ? Database.WriteAsync(async (c, t) => await c.Exec("DELETE FROM do_not_call WHERE phone_index = @index", new { index }, t, cancellation) > 0,
                cancellation)
            : Task.FromResult(false);

    public Task<long> CountAsync(CancellationToken cancellation = default) =>
        Database.ReadAsync(c => c.Scalar<long>("SELECT count(*) FROM do_not_call", null, null, cancellation), cancellation);

    private sealed class Row
    {
        public string Reason { get; set; } = "";

        public string Source { get; set; } = "";

        public long CreatedAt { get; set; }
    }
}
