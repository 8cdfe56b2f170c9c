using Huawu.Data;
using Huawu.Server.Api.Auditing;
using Huawu.Server.Api.Paging;
using Huawu.Server.Api.Problems;
using Huawu.Server.Api.Validation;
using Huawu.Server.Realtime;
using Huawu.Server.Security;

namespace Huawu.Server.Api.Teams;

/// <summary><c>/api/v1/teams</c>: teams and members. Supervisors see the teams they supervise; administrators change them.</summary>
internal static class TeamEndpoints
{
    public static void Map(RouteGroupBuilder api)
    {
        var teams = api.MapGroup("/teams").WithTags("teams");
        teams.MapGet("", ListAsync).RequirePermission(Permission.TeamsRead).Produces<Page<TeamResponse>>().ProducesValidationProblem();
        teams.MapGet("/{id:long}", GetAsync).RequirePermission(Permission.TeamsRead)
            .Produces<TeamDetailResponse>().ProducesProblem(StatusCodes.Status404NotFound);
        teams.MapPost("", CreateAsync).RequirePermission(Permission.TeamsWrite).Audited("team")
            .Produces<TeamResponse>(StatusCodes.Status201Created).ProducesValidationProblem().ProducesProblem(StatusCodes.Status409Conflict);
        teams.MapDelete("/{id:long}", DeleteAsync).RequirePermission(Permission.TeamsWrite).Audited("team")
            .Produces(StatusCodes.Status204NoContent).ProducesProblem(StatusCodes.Status404NotFound);
        teams.MapPut("/{id:long}/members/{userId:long}", SetMemberAsync).RequirePermission(Permission.TeamsWrite).Audited("team_member")
            .Produces<TeamMemberResponse>().ProducesProblem(StatusCodes.Status404NotFound);
        teams.MapDelete("/{id:long}/members/{userId:long}", RemoveMemberAsync).RequirePermission(Permission.TeamsWrite).Audited("team_member")
            .Produces(StatusCodes.Status204NoContent).ProducesProblem(StatusCodes.Status404NotFound);
    }

    private static async Task<IResult> ListAsync([AsParameters] PageQuery query, HttpContext context, DataStore store, ScopeResolver scopes,
        CancellationToken cancellation)
    {
        var errors = new FieldErrors();
        if (!query.TryParse(errors, out var page)) return errors.ToResult();
        var scope = await scopes.ForRequestAsync(context);
        var visible = (await store.Teams.ListAsync(cancellation)).Where(t => scope.SeesTeam(t.Id));
        return TypedResults.Ok(page.Over(visible.Select(t => new TeamResponse(t.Id, t.Name, t.CreatedAt)), t => t.Id));
    }

    private static async Task<IResult> GetAsync(long id, HttpContext context, DataStore store, ScopeResolver scopes, CancellationToken cancellation)
    {
        var scope = await scopes.ForRequestAsync(context);
        if (!scope.SeesTeam(id) || await store.Teams.GetAsync(id, cancellation) is not { } team) return ApiProblems.NotFound("team");
        var members = new List<TeamMemberResponse>();
        foreach (var member in await store.Teams.MembersAsync(id, cancellation))
        {
            if (await store.Users.GetAsync(member.UserId, cancellation) is { } user)
                members.Add(new TeamMemberResponse(user.Id, user.Username, user.DisplayName, member.IsSupervisor));
        }
        return TypedResults.Ok(new TeamDetailResponse(team.Id, team.Name, team.CreatedAt, members));
    }

    private static async Task<IResult> CreateAsync(NewTeamRequest request, DataStore store, CancellationToken cancellation)
    {
        var created = await store.Teams.CreateAsync(request.Name ?? "", cancellation);
        return created.Value is { } team
            ? TypedResults.Created($"/api/v1/teams/{team.Id}", new TeamResponse(team.Id, team.Name, team.CreatedAt))
            : DataProblems.ToResult(created.Problem, "name", created.Detail);
    }

    private static async Task<IResult> DeleteAsync(long id, DataStore store, RealtimeHub realtime, CancellationToken cancellation)
    {
        var members = await store.Teams.MembersAsync(id, cancellation);
        if (!await store.Teams.DeleteAsync(id, cancellation)) return ApiProblems.NotFound("team");
        realtime.Disconnect(viewer => members.Any(m => m.UserId == viewer.Caller.UserId));
        return TypedResults.NoContent();
    }

    private static async Task<IResult> SetMemberAsync(long id, long userId, MemberRequest request, DataStore store, RealtimeHub realtime,
        HttpContext context, CancellationToken cancellation)
    {
        var set = await store.Teams.SetMemberAsync(id, userId, request.IsSupervisor ?? false, cancellation);
        if (set.Value is not { } member) return DataProblems.ToResult(set.Problem, "userId", set.Detail);
        var user = (await store.Users.GetAsync(userId, cancellation))!;
        // A live stream was scoped by the old membership: end it, and the client reconnects with the new one.
        realtime.Disconnect(viewer => viewer.Caller.UserId == userId);
        context.Note(member.IsSupervisor ? "as supervisor" : "as member");
        return TypedResults.Ok(new TeamMemberResponse(user.Id, user.Username, user.DisplayName, member.IsSupervisor));
    }

    private static async Task<IResult> RemoveMemberAsync(long id, long userId, DataStore store, RealtimeHub realtime, CancellationToken cancellation)
    {
        if (!await store.Teams.RemoveMemberAsync(id, userId, cancellation)) return ApiProblems.NotFound("team member");
        realtime.Disconnect(viewer => viewer.Caller.UserId == userId);
        return TypedResults.NoContent();
    }
}
