using Huawu.Data.Audit;
using Huawu.Data.Protection;
using Huawu.Data.Recordings;
using Huawu.Data.Storage;

namespace Huawu.Data.Keys;

/// <summary>
/// Moves every encrypted value and recording onto the store's active key, in batches, and reports which keys are
/// still in use. Resumable by construction: a pass only selects values whose envelope names another key, so an
/// interrupted pass simply continues where the rows still differ. Each row is rewritten only if it still holds
/// the value read (another writer may have changed it meanwhile).
/// </summary>
public sealed class KeyRotation(DataStore store)
{
    public const string Actor = "system:keys";

    private StoreContext Context => store.Context;

    public async Task<IReadOnlyList<KeyUsage>> UsageAsync(CancellationToken cancellation = default)
    {
        var values = new Dictionary<uint, long>();
        foreach (var column in EncryptedColumns.All)
        {
            var keyId = Context.Database.Dialect.KeyIdOf(column.Column);
            // Table and column names come from the fixed registry, never from input.
            var rows = await Context.Database.ReadAsync(c => c.List<(byte[] KeyId, long Count)>(
                $"SELECT {keyId}, count(*) FROM {column.Table} WHERE {column.Column} IS NOT NULL GROUP BY {keyId}", null, null, cancellation), cancellation);
            foreach (var (id, count) in rows) values[KeyIdFrom(id)] = values.GetValueOrDefault(KeyIdFrom(id)) + count;
        }
        var recordings = new Dictionary<uint, long>();
        await foreach (var (_, path) in CompletedRecordingsAsync(cancellation))
        {
            if (RecordingReencryption.KeyIdOf(path) is { } id) recordings[id] = recordings.GetValueOrDefault(id) + 1;
        }
        return [.. values.Keys.Union(recordings.Keys).Union(store.Keys.DataKeys.Select(k => k.Id)).Order()
            .Select(id => new KeyUsage(id, values.GetValueOrDefault(id), recordings.GetValueOrDefault(id)))];
    }

    public async Task<ReencryptionReport> ReencryptAsync(int batchSize = 500, CancellationToken cancellation = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(batchSize);
        long values = 0, recordings = 0;
        var problems = new List<string>();
        foreach (var column in EncryptedColumns.All) values += await ReencryptColumnAsync(column, batchSize, problems, cancellation);
        await foreach (var (id, path) in CompletedRecordingsAsync(cancellation))
        {
            if (RecordingReencryption.KeyIdOf(path) is not { } keyId || keyId == store.Keys.ActiveKeyId) continue;
            if (await RecordingReencryption.ReencryptAsync(path, store.Keys, cancellation) is { } problem) problems.Add($"recording {id}: {problem}");
            else recordings++;
        }
        var report = new ReencryptionReport(store.Keys.ActiveKeyId, values, recordings, problems);
        await store.Audit.AppendAsync(new AuditEvent(Actor, AuditAction.KeysRotated, problems.Count == 0 ? AuditOutcome.Success : AuditOutcome.Failure,
            "key", report.ActiveKeyId.ToString(System.Globalization.CultureInfo.InvariantCulture),
            $"values re-encrypted: {values}, recordings re-encrypted: {recordings}, problems: {problems.Count}"), cancellation);
        return report;
    }

    private async Task<long> ReencryptColumnAsync(EncryptedColumn column, int batchSize, List<string> problems, CancellationToken cancellation)
    {
        var active = Envelope.KeyIdBytes(store.Keys.ActiveKeyId);
        var select = $"""
            SELECT id, {column.Column} FROM {column.Table}
            WHERE id > @after AND {column.Column} IS NOT NULL AND {Context.Database.Dialect.KeyIdOf(column.Column)} <> @active
            ORDER BY id LIMIT @batchSize
            """;
        var update = $"UPDATE {column.Table} SET {column.Column} = @Value WHERE id = @Id AND {column.Column} = @Old";
        long done = 0, after = 0;
        while (true)
        {
            var batch = await Context.Database.ReadAsync(c => c.List<(long Id, byte[] Value)>(select, new { after, active, batchSize }, null, cancellation),
                cancellation);
            if (batch.Count == 0) return done;
            var rewritten = new List<object>(batch.Count);
            foreach (var (id, value) in batch)
            {
                // A value that does not open (tampered, or under a key no longer held) is reported and left as it is.
                if (Context.Cipher.TryUnprotect(value, column, out var plaintext, out var error))
                    rewritten.Add(new { Id = id, Value = Context.Cipher.Protect(plaintext, column), Old = value });
                else problems.Add($"{column} row {id}: {error}");
            }
            done += await Context.Database.WriteAsync((c, t) => c.Exec(update, rewritten, t, cancellation), cancellation);
            after = batch[^1].Id;
        }
    }

    private async IAsyncEnumerable<(long Id, string Path)> CompletedRecordingsAsync(
        [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellation)
    {
        long after = 0;
        while (true)
        {
            var batch = await Context.Database.ReadAsync(c => c.List<(long Id, string RelativePath)>(
                "SELECT id, relative_path FROM recordings WHERE id > @after AND completed_at IS NOT NULL ORDER BY id LIMIT 500",
                new { after }, null, cancellation), cancellation);
            if (batch.Count == 0) yield break;
            foreach (var (id, relativePath) in batch) yield return (id, store.RecordingFiles.FullPath(relativePath));
            after = batch[^1].Id;
        }
    }

    private static uint KeyIdFrom(byte[] bytes) => System.Buffers.Binary.BinaryPrimitives.ReadUInt32BigEndian(bytes);
}
