namespace Huawu.Data.Retention;

public interface IRetentionPolicyRepository
{
    Task<IReadOnlyList<RetentionPolicy>> ListAsync(CancellationToken cancellation = default);

    Task<RetentionPolicy?> GetAsync(RetentionClass dataClass, CancellationToken cancellation = default);

    /// <summary>Keeps a class of records for a number of days (at least 1).</summary>
    Task<DataResult<RetentionPolicy>> SetAsync(RetentionClass dataClass, int retainDays, CancellationToken cancellation = default);

    /// <summary>Removes a policy: that class is kept until erased.</summary>
    Task<bool> ClearAsync(RetentionClass dataClass, CancellationToken cancellation = default);
}
