using Huawu.Data.Storage;

namespace Huawu.Data.Retention;

internal sealed class RetentionPolicyRepository(StoreContext context) : IRetentionPolicyRepository
{
    private Database Database => context.Database;

    public async Task<IReadOnlyList<RetentionPolicy>> ListAsync(CancellationToken cancellation = default) =>
        [.. (await Database.ReadAsync(c => c.List<Row>("SELECT data_class, retain_days, updated_at FROM retention_policies", null, null, cancellation),
                cancellation))
            .Select(r => r.ToPolicy()).OfType<RetentionPolicy>().OrderBy(p => p.DataClass)];

    public async Task<RetentionPolicy?> GetAsync(RetentionClass dataClass, CancellationToken cancellation = default) =>
        (await ListAsync(cancellation)).FirstOrDefault(p => p.DataClass == dataClass);

    public async Task<DataResult<RetentionPolicy>> SetAsync(RetentionClass dataClass, int retainDays, CancellationToken cancellation = default)
    {
        if (retainDays < 1) return DataResult.Fail<RetentionPolicy>(DataProblem.Invalid, "retain days: at least 1");
        var now = context.NowMs;
        await Database.WriteAsync((c, t) => c.Exec("""
            INSERT INTO retention_policies (data_class, retain_days, updated_at) VALUES (@name, @retainDays, @now)
            ON CONFLICT (data_class) DO UPDATE SET retain_days = excluded.retain_days, updated_at = excluded.updated_at
            """, new { name = RetentionClasses.NameOf(dataClass), retainDays, now }, t, cancellation), cancellation);
        return DataResult.Ok(new RetentionPolicy(dataClass, retainDays, UnixTime.FromMs(now)));
    }

    public Task<bool> ClearAsync(RetentionClass dataClass, CancellationToken cancellation = default) =>
        Database.WriteAsync(async (c, t) => await c.Exec("DELETE FROM retention_policies WHERE data_class = @name",
            new { name = RetentionClasses.NameOf(dataClass) }, t, cancellation) > 0, cancellation);

    private sealed class Row
    {
        public string DataClass { get; set; } = "";

        public int RetainDays { get; set; }

        public long UpdatedAt { get; set; }

        // A class this build does not know (written by a newer one) is ignored rather than guessed at.
        public RetentionPolicy? ToPolicy() =>
            RetentionClasses.TryParse(DataClass, out var dataClass) ? new RetentionPolicy(dataClass, RetainDays, UnixTime.FromMs(UpdatedAt)) : null;
    }
}
