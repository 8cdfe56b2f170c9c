using System.Data.Common;
using Huawu.Data.Storage;

namespace Huawu.Data.Campaigns;

internal sealed class CampaignRepository(StoreContext context) : ICampaignRepository
{
    private const string SelectCampaigns = """
        SELECT id, name, status, contact_list_id, script_version_id, priority, settings, created_at, updated_at FROM campaigns
        """;

    private Database Database => context.Database;

    public Task<DataResult<Campaign>> CreateAsync(string name, long? contactListId, CancellationToken cancellation = default) =>
        CreateAsync(new NewCampaign(name, contactListId is { } listId ? [listId] : []), cancellation);

    public Task<DataResult<Campaign>> CreateAsync(NewCampaign campaign, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(campaign);
        ArgumentNullException.ThrowIfNull(campaign.Name);
        if (string.IsNullOrWhiteSpace(campaign.Name)) return Task.FromResult(DataResult.Fail<Campaign>(DataProblem.Invalid, "name: required"));
        var now = context.NowMs;
        var lists = campaign.ListIds.Distinct().ToList();
        return Database.WriteAsync(async (c, t) =>
        {
            foreach (var listId in lists)
            {
                if (await c.Scalar<long>("SELECT count(*) FROM contact_lists WHERE id = @listId", new { listId }, t, cancellation) == 0)
                    return DataResult.Fail<Campaign>(DataProblem.NotFound, $"contact list {listId}");
            }
            var id = await c.Scalar<long?>("""
                INSERT INTO campaigns (name, contact_list_id, script_version_id, priority, settings, created_at, updated_at)
                VALUES (@Name, @ContactListId, @ScriptVersionId, @Priority, @Settings, @now, @now)
                ON CONFLICT (name) DO NOTHING RETURNING id
                """, new { campaign.Name, ContactListId = lists.Count > 0 ? lists[0] : (long?)null, campaign.ScriptVersionId, campaign.Priority,
                campaign.Settings, now }, t, cancellation);
            if (id is not { } campaignId) return DataResult.Fail<Campaign>(DataProblem.Duplicate, $"campaign name '{campaign.Name}' is taken");
            foreach (var listId in lists)
            {
                await c.Exec("INSERT INTO campaign_lists (campaign_id, list_id) VALUES (@campaignId, @listId)", new { campaignId, listId }, t, cancellation);
            }
            return DataResult.Ok(new Campaign(campaignId, campaign.Name, CampaignStatus.Draft, lists.Count > 0 ? lists[0] : null,
                campaign.ScriptVersionId, UnixTime.FromMs(now), UnixTime.FromMs(now))
            {
                Priority = campaign.Priority,
                Settings = campaign.Settings,
                ListIds = lists,
            });
        }, cancellation);
    }

    public async Task<Campaign?> GetAsync(long id, CancellationToken cancellation = default) =>
        await Query(SelectCampaigns + " WHERE id = @id", new { id }, cancellation) is [var first, ..] ? first : null;

    public async Task<Campaign?> FindByNameAsync(string name, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(name);
        return await Query(SelectCampaigns + " WHERE name = @name", new { name }, cancellation) is [var first, ..] ? first : null;
    }

    public Task<IReadOnlyList<Campaign>> ListAsync(CancellationToken cancellation = default) =>
        Query(SelectCampaigns + " ORDER BY id", null, cancellation);

    public Task<IReadOnlyList<Campaign>> ListByStatusAsync(string status, CancellationToken cancellation = default) =>
        Query(SelectCampaigns + " WHERE status = @status ORDER BY priority DESC, id", new { status }, cancellation);

    public Task<bool> SetStatusAsync(long id, string status, CancellationToken cancellation = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(status);
        return Database.WriteAsync(async (c, t) => await c.Exec("UPDATE campaigns SET status = @status, updated_at = @now WHERE id = @id",
            new { id, status, now = context.NowMs }, t, cancellation) > 0, cancellation);
    }

    public Task<bool> ChangeStatusAsync(long id, IReadOnlyCollection<string> from, string status, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(from);
        ArgumentException.ThrowIfNullOrWhiteSpace(status);
        var allowed = from.ToArray();
        return Database.WriteAsync(async (c, t) => await c.Exec(
            $"UPDATE campaigns SET status = @status, updated_at = @now WHERE id = @id AND {Database.Dialect.InList("status", nameof(allowed))}",
            new { id, status, allowed, now = context.NowMs }, t, cancellation) > 0, cancellation);
    }

    public Task<bool> UpdateSettingsAsync(long id, string? settings, int priority, CancellationToken cancellation = default) =>
        Database.WriteAsync(async (c, t) => await c.Exec(
            "UPDATE campaigns SET settings = @settings, priority = @priority, updated_at = @now WHERE id = @id",
            new { id, settings, priority, now = context.NowMs }, t, cancellation) > 0, cancellation);

    private Task<IReadOnlyList<Campaign>> Query(string sql, object? parameters, CancellationToken cancellation) =>
        Database.ReadAsync<IReadOnlyList<Campaign>>(async c =>
        {
            var rows = await c.List<Row>(sql, parameters, null, cancellation);
            var campaigns = new List<Campaign>(rows.Count);
            foreach (var row in rows) campaigns.Add(row.ToCampaign(await ListsOf(c, row.Id, cancellation)));
            return campaigns;
        }, cancellation);

    private static async Task<IReadOnlyList<long>> ListsOf(DbConnection connection, long campaignId, CancellationToken cancellation) =>
        await connection.List<long>("SELECT list_id FROM campaign_lists WHERE campaign_id = @campaignId ORDER BY list_id",
            new { campaignId }, null, cancellation);

    private sealed class Row
    {
        public long Id { get; set; }

        public string Name { get; set; } = "";

        public string Status { get; set; } = "";

        public long? ContactListId { get; set; }

        public long? ScriptVersionId { get; set; }

        public int Priority { get; set; }

        public string? Settings { get; set; }

        public long CreatedAt { get; set; }

        public long UpdatedAt { get; set; }

        public Campaign ToCampaign(IReadOnlyList<long> lists) =>
            new(Id, Name, Status, ContactListId, ScriptVersionId, UnixTime.FromMs(CreatedAt), UnixTime.FromMs(UpdatedAt))
            {
                Priority = Priority,
                Settings = Settings,
                // Campaigns created before lists were a set name their one list only in contact_list_id.
                ListIds = lists.Count > 0 || ContactListId is null ? lists : [ContactListId.Value],
            };
    }
}
