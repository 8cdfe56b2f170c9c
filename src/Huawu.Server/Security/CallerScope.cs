using Huawu.Data.Calls;

namespace Huawu.Server.Security;

/// <summary>
/// What one caller reaches: the calls (<see cref="Calls"/>, handed to the data layer's scoped queries), the teams,
/// and how they see personal data.
/// </summary>
internal sealed record CallerScope(Caller Caller, CallScope Calls, bool AllTeams, IReadOnlySet<long> SupervisedTeams, PersonalDataView View)
{
    public bool SeesTeam(long teamId) => AllTeams || SupervisedTeams.Contains(teamId);

    /// <summary>Whether an event about a call with this agent and these teams is for this caller (checked per subscriber per event: no allocation).</summary>
    public bool SeesCall(long? agentUserId, IReadOnlyList<long> teamIds)
    {
        ArgumentNullException.ThrowIfNull(teamIds);
        if (Calls.Everything || (Calls.AgentUserId is { } self && agentUserId == self)) return true;
        for (var i = 0; i < teamIds.Count; i++)
        {
            if (SupervisedTeams.Contains(teamIds[i])) return true;
        }
        return false;
    }
}
