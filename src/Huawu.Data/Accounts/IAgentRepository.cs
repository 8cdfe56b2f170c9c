namespace Huawu.Data.Accounts;

/// <summary>
/// Which user is the agent at which extension (the <c>agents</c> and <c>extensions</c> tables): a call rung to an
/// extension is that user's, so the screen that pops for it is theirs.
/// </summary>
public interface IAgentRepository
{
    /// <summary>
    /// Makes <paramref name="userId"/> the agent at <paramref name="extension"/> (created if new), taking it from any
    /// other agent: one extension, one owner. <see cref="DataProblem.Invalid"/> for a malformed extension,
    /// <see cref="DataProblem.NotFound"/> when the user does not exist.
    /// </summary>
    Task<DataResult<string>> SetExtensionAsync(long userId, string extension, CancellationToken cancellation = default);

    /// <summary>The user who is the agent at <paramref name="extension"/>, or null.</summary>
    Task<long?> FindUserByExtensionAsync(string extension, CancellationToken cancellation = default);

    /// <summary>The extension of the agent whose user name is <paramref name="username"/>, or null (no such user, or no extension).</summary>
    Task<string?> FindExtensionOfUserAsync(string username, CancellationToken cancellation = default);
}
