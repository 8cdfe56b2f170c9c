using Huawu.Server.Api.Auditing;

namespace Huawu.Server.Api.Teams;

public sealed record NewTeamRequest(string? Name);

public sealed record MemberRequest(bool? IsSupervisor);

public sealed record TeamResponse(long Id, string Name, DateTimeOffset CreatedAt) : IAuditTarget
{
    string IAuditTarget.AuditId => Ids.Text(Id);
}

public sealed record TeamMemberResponse(long UserId, string Username, string DisplayName, bool IsSupervisor);

public sealed record TeamDetailResponse(long Id, string Name, DateTimeOffset CreatedAt, IReadOnlyList<TeamMemberResponse> Members);
