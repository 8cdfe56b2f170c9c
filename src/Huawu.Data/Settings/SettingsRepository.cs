using Huawu.Data.Storage;

namespace Huawu.Data.Settings;

internal sealed class SettingsRepository(StoreContext context) : ISettingsRepository
{
    private Database Database => context.Database;

    public Task<string?> GetAsync(string key, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(key);
        return Database.ReadAsync(c => c.FirstOrDefault<string>("SELECT value FROM settings WHERE key = @key", new { key }, null, cancellation), cancellation);
    }

    public Task SetAsync(string key, string value, CancellationToken cancellation = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(key);
        ArgumentNullException.ThrowIfNull(value);
        return Database.WriteAsync((c, t) => c.Exec("""
            INSERT INTO settings (key, value, updated_at) VALUES (@key, @value, @now)
            ON CONFLICT (key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at
            """, new { key, value, now = context.NowMs }, t, cancellation), cancellation);
    }

    public Task<bool> DeleteAsync(string key, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(key);
        return Database.WriteAsync(async (c, t) => await c.Exec("DELETE FROM settings WHERE key = @key", new { key }, t, cancellation) > 0, cancellation);
    }

    public async Task<IReadOnlyDictionary<string, string>> AllAsync(CancellationToken cancellation = default) =>
        (await Database.ReadAsync(c => c.List<(string Key, string Value)>("SELECT key, value FROM settings ORDER BY key", null, null, cancellation), cancellation))
            .ToDictionary(r => r.Key, r => r.Value, StringComparer.Ordinal);
}
