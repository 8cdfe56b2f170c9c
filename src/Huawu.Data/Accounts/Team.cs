namespace Huawu.Data.Accounts;

/// <summary>A group of agents with their supervisors: what a supervisor sees is the calls of their teams.</summary>
public sealed record Team(long Id, string Name, DateTimeOffset CreatedAt);

/// <summary>A user in a team; supervisors of a team see its calls.</summary>
public sealed record TeamMember(long TeamId, long UserId, bool IsSupervisor);
