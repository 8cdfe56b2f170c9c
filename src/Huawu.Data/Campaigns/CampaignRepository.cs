using Huawu.Data.Storage;

namespace Huawu.Data.Campaigns;

internal sealed class CampaignRepository(StoreContext context) : ICampaignRepository
{
    private Database Database => context.Database;

    public Task<DataResult<Campaign>> CreateAsync(string name, long? contactListId, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(name);
        if (string.IsNullOrWhiteSpace(name)) return Task.FromResult(DataResult.Fail<Campaign>(DataProblem.Invalid, "name: required"));
        var now = context.NowMs;
        return Database.WriteAsync(async (c, t) =>
        {
            if (contactListId is { } listId &&
                await c.Scalar<long>("SELECT count(*) FROM contact_lists WHERE id = @listId", new { listId }, t, cancellation) == 0)
            {
                return DataResult.Fail<Campaign>(DataProblem.NotFound, $"contact list {listId}");
            }
            var id = await c.Scalar<long?>("""
                INSERT INTO campaigns (name, contact_list_id, created_at, updated_at) VALUES (@name, @contactListId, @now, @now)
                ON CONFLICT (name) DO NOTHING RETURNING id
                """, new { name, contactListId, now }, t, cancellation);
            return id is { } campaignId
                ? DataResult.Ok(new Campaign(campaignId, name, "draft", contactListId, null, UnixTime.FromMs(now), UnixTime.FromMs(now)))
                : DataResult.Fail<Campaign>(DataProblem.Duplicate, $"campaign name '{name}' is taken");
        }, cancellation);
    }

    public async Task<Campaign?> GetAsync(long id, CancellationToken cancellation = default)
    {
        var row = await Database.ReadAsync(c => c.FirstOrDefault<Row>(
            "SELECT id, name, status, contact_list_id, script_version_id, created_at, updated_at FROM campaigns WHERE id = @id",
            new { id }, null, cancellation), cancellation);
        return row is null
            ? null
            : new Campaign(row.Id, row.Name, row.Status, row.ContactListId, row.ScriptVersionId, UnixTime.FromMs(row.CreatedAt), UnixTime.FromMs(row.UpdatedAt));
    }

    public Task<bool> SetStatusAsync(long id, string status, CancellationToken cancellation = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(status);
        return Database.WriteAsync(async (c, t) => await c.Exec("UPDATE campaigns SET status = @status, updated_at = @now WHERE id = @id",
            new { id, status, now = context.NowMs }, t, cancellation) > 0, cancellation);
    }

    private sealed class Row
    {
        public long Id { get; set; }

        public string Name { get; set; } = "";

        public string Status { get; set; } = "";

        public long? ContactListId { get; set; }

        public long? ScriptVersionId { get; set; }

        public long CreatedAt { get; set; }

        public long UpdatedAt { get; set; }
    }
}
