namespace Huawu.Data.Accounts;

/// <summary>Teams and their members, the unit of a supervisor's scope.</summary>
public interface ITeamRepository
{
    /// <summary>Creates a team: <see cref="DataProblem.Invalid"/> for an empty or too long name, <see cref="DataProblem.Duplicate"/> when taken.</summary>
    Task<DataResult<Team>> CreateAsync(string name, CancellationToken cancellation = default);

    Task<Team?> GetAsync(long id, CancellationToken cancellation = default);

    /// <summary>Every team in id order.</summary>
    Task<IReadOnlyList<Team>> ListAsync(CancellationToken cancellation = default);

    Task<bool> DeleteAsync(long id, CancellationToken cancellation = default);

    /// <summary>Adds a user to a team or changes their supervisor flag; <see cref="DataProblem.NotFound"/> when either does not exist.</summary>
    Task<DataResult<TeamMember>> SetMemberAsync(long teamId, long userId, bool isSupervisor, CancellationToken cancellation = default);

    Task<bool> RemoveMemberAsync(long teamId, long userId, CancellationToken cancellation = default);

    Task<IReadOnlyList<TeamMember>> MembersAsync(long teamId, CancellationToken cancellation = default);

    /// <summary>The teams a user belongs to, with their role in each.</summary>
    Task<IReadOnlyList<TeamMember>> MembershipsAsync(long userId, CancellationToken cancellation = default);
}
