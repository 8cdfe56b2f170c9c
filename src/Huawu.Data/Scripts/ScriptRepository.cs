using Huawu.Data.Storage;

namespace Huawu.Data.Scripts;

internal sealed class ScriptRepository(StoreContext context) : IScriptRepository
{
    private const string Columns = """
        SELECT v.id, s.name, v.version, v.body, v.created_by, v.created_at, v.published_at
        FROM script_versions v JOIN scripts s ON s.id = v.script_id
        """;

    private Database Database => context.Database;

    public Task<DataResult<ScriptVersion>> AddVersionAsync(string name, string body, long? createdBy, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(body);
        if (string.IsNullOrWhiteSpace(name)) return Task.FromResult(DataResult.Fail<ScriptVersion>(DataProblem.Invalid, "name: required"));
        var now = context.NowMs;
        return Database.WriteAsync(async (c, t) =>
        {
            // DO UPDATE (not DO NOTHING) returns the id of an existing script and, on PostgreSQL, locks its row, so
            // two imports of one script get consecutive version numbers instead of a unique-key failure.
            var scriptId = await c.Scalar<long>("""
                INSERT INTO scripts (name, created_at) VALUES (@name, @now)
                ON CONFLICT (name) DO UPDATE SET name = excluded.name RETURNING id
                """, new { name, now }, t, cancellation);
            var latest = await c.FirstOrDefault<Row>(Columns + " WHERE v.script_id = @scriptId ORDER BY v.version DESC LIMIT 1",
                new { scriptId }, t, cancellation);
            if (latest is not null && latest.Body == body)
            {
                return DataResult.Fail<ScriptVersion>(DataProblem.Duplicate, $"unchanged since version {latest.Version}");
            }
            var version = (latest?.Version ?? 0) + 1;
            var id = await c.Scalar<long>("""
                INSERT INTO script_versions (script_id, version, body, created_by, created_at)
                VALUES (@scriptId, @version, @body, @createdBy, @now) RETURNING id
                """, new { scriptId, version, body, createdBy, now }, t, cancellation);
            return DataResult.Ok(new ScriptVersion(id, name, version, body, createdBy, UnixTime.FromMs(now), null));
        }, cancellation);
    }

    public async Task<ScriptVersion?> LatestAsync(string name, CancellationToken cancellation = default) =>
        (await Database.ReadAsync(c => c.FirstOrDefault<Row>(Columns + " WHERE s.name = @name ORDER BY v.version DESC LIMIT 1",
            new { name }, null, cancellation), cancellation))?.ToVersion();

    public async Task<ScriptVersion?> GetAsync(string name, int version, CancellationToken cancellation = default) =>
        (await Database.ReadAsync(c => c.FirstOrDefault<Row>(Columns + " WHERE s.name = @name AND v.version = @version",
            new { name, version }, null, cancellation), cancellation))?.ToVersion();

    public async Task<ScriptVersion?> GetAsync(long versionId, CancellationToken cancellation = default) =>
        (await Database.ReadAsync(c => c.FirstOrDefault<Row>(Columns + " WHERE v.id = @versionId",
            new { versionId }, null, cancellation), cancellation))?.ToVersion();

    public async Task<IReadOnlyList<ScriptVersion>> VersionsAsync(string name, CancellationToken cancellation = default) =>
        [.. (await Database.ReadAsync(c => c.List<Row>(Columns + " WHERE s.name = @name ORDER BY v.version",
            new { name }, null, cancellation), cancellation)).Select(r => r.ToVersion())];

    public async Task<IReadOnlyList<string>> NamesAsync(CancellationToken cancellation = default) =>
        await Database.ReadAsync(c => c.List<string>("SELECT name FROM scripts ORDER BY name", null, null, cancellation), cancellation);

    private sealed class Row
    {
        public long Id { get; set; }

        public string Name { get; set; } = "";

        public int Version { get; set; }

        public string Body { get; set; } = "";

        public long? CreatedBy { get; set; }

        public long CreatedAt { get; set; }

        public long? PublishedAt { get; set; }

        public ScriptVersion ToVersion() =>
            new(Id, Name, Version, Body, CreatedBy, UnixTime.FromMs(CreatedAt), PublishedAt is { } published ? UnixTime.FromMs(published) : null);
    }
}
