using Huawu.Data.Calls;

namespace Huawu.Server.Security;

/// <summary>
/// What one caller reaches: the calls (<see cref="Calls"/>, handed to the data layer's scoped queries), the teams,
/// and how they see personal data.
/// </summary>
internal sealed record CallerScope(Caller Caller, CallScope Calls, bool AllTeams, IReadOnlySet<long> SupervisedTeams, PersonalDataView View)
{
    public bool SeesTeam(long teamId) => AllTeams || SupervisedTeams.Contains(teamId);

    /// <summary>Whether an event about a call with this agent and these teams is for this caller.</summary>
    public bool SeesCall(long? agentUserId, IReadOnlyCollection<long> teamIds) =>
        Calls.Everything
        || (Calls.AgentUserId is { } self && agentUserId == self)
        || teamIds.Any(SupervisedTeams.Contains);
}
