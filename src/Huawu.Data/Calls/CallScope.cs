namespace Huawu.Data.Calls;

/// <summary>
/// Which calls someone may see: every call, or the union of their own calls (as the agent) and the calls of some
/// teams (handled by a team member, or waiting in a team's queue). A scope with neither sees nothing.
/// </summary>
public sealed record CallScope(bool Everything, long? AgentUserId, IReadOnlyCollection<long> TeamIds)
{
    public static CallScope All { get; } = new(true, null, []);

    public static CallScope Nothing { get; } = new(false, null, []);

    public bool IsEmpty => !Everything && AgentUserId is null && TeamIds.Count == 0;
}
