namespace Huawu.Data.Campaigns;

public interface ICampaignRepository
{
    /// <summary>Creates a draft campaign; <see cref="DataProblem.Duplicate"/> for a taken name, <see cref="DataProblem.NotFound"/> for a missing list.</summary>
    Task<DataResult<Campaign>> CreateAsync(string name, long? contactListId, CancellationToken cancellation = default);

    Task<Campaign?> GetAsync(long id, CancellationToken cancellation = default);

    Task<bool> SetStatusAsync(long id, string status, CancellationToken cancellation = default);
}
