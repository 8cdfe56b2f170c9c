namespace Huawu.Data.Compliance;

/// <summary>
/// Numbers that must not be called, held as blind indexes only: checking a number needs the index key, and
/// the list reveals no numbers to anyone reading the database.
/// </summary>
public interface IDoNotCallList
{
    /// <summary>Lists a number; true when newly listed, false when it already was. <see cref="DataProblem.Invalid"/> for a bad number.</summary>
    Task<DataResult<bool>> AddAsync(string phone, string reason, string source, CancellationToken cancellation = default);

    /// <summary>The entry for a number in any common spelling, or null (also for anything that is not a phone number).</summary>
    Task<DoNotCallEntry?> FindAsync(string phone, CancellationToken cancellation = default);

    Task<bool> ContainsAsync(string phone, CancellationToken cancellation = default);

    Task<bool> RemoveAsync(string phone, CancellationToken cancellation = default);

    Task<long> CountAsync(CancellationToken cancellation = default);
}
