namespace Huawu.Data.Campaigns;

public interface ICampaignRepository
{
    /// <summary>Creates a draft campaign; <see cref="DataProblem.Duplicate"/> for a taken name, <see cref="DataProblem.NotFound"/> for a missing list.</summary>
    Task<DataResult<Campaign>> CreateAsync(string name, long? contactListId, CancellationToken cancellation = default);

    /// <summary>Creates a draft campaign calling several lists, with its rules and priority.</summary>
    Task<DataResult<Campaign>> CreateAsync(NewCampaign campaign, CancellationToken cancellation = default);

    Task<Campaign?> GetAsync(long id, CancellationToken cancellation = default);

    Task<Campaign?> FindByNameAsync(string name, CancellationToken cancellation = default);

    /// <summary>Every campaign, in id order.</summary>
    Task<IReadOnlyList<Campaign>> ListAsync(CancellationToken cancellation = default);

    /// <summary>Campaigns in one status, highest priority first (the dialer's order).</summary>
    Task<IReadOnlyList<Campaign>> ListByStatusAsync(string status, CancellationToken cancellation = default);

    Task<bool> SetStatusAsync(long id, string status, CancellationToken cancellation = default);

    /// <summary>
    /// Moves a campaign to <paramref name="status"/> only if it is in one of <paramref name="from"/> (compare-and-set, so a
    /// console and a command line racing to start and stop it cannot both win). False when it was not.
    /// </summary>
    Task<bool> ChangeStatusAsync(long id, IReadOnlyCollection<string> from, string status, CancellationToken cancellation = default);

    /// <summary>Replaces the rules and priority; false when the campaign does not exist.</summary>
    Task<bool> UpdateSettingsAsync(long id, string? settings, int priority, CancellationToken cancellation = default);
}
