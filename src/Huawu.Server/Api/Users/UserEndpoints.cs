using Huawu.Data;
using Huawu.Data.Accounts;
using Huawu.Server.Accounts;
using Huawu.Server.Api.Auditing;
using Huawu.Server.Api.Paging;
using Huawu.Server.Api.Problems;
using Huawu.Server.Api.Validation;
using Huawu.Server.Realtime;
using Huawu.Server.Security;

namespace Huawu.Server.Api.Users;

/// <summary><c>/api/v1/users</c>: the people who sign in (administrators manage them; auditors read them).</summary>
internal static class UserEndpoints
{
    public static void Map(RouteGroupBuilder api)
    {
        var users = api.MapGroup("/users").WithTags("users");
        users.MapGet("", ListAsync).RequirePermission(Permission.UsersRead).Produces<Page<UserResponse>>().ProducesValidationProblem();
        users.MapGet("/{id:long}", GetAsync).RequirePermission(Permission.UsersRead).Produces<UserResponse>().ProducesProblem(StatusCodes.Status404NotFound);
        users.MapPost("", CreateAsync).RequirePermission(Permission.UsersWrite).Audited("user")
            .Produces<UserResponse>(StatusCodes.Status201Created).ProducesValidationProblem().ProducesProblem(StatusCodes.Status409Conflict);
        users.MapPatch("/{id:long}", ChangeAsync).RequirePermission(Permission.UsersWrite).Audited("user")
            .Produces<UserResponse>().ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        users.MapDelete("/{id:long}", DeleteAsync).RequirePermission(Permission.UsersWrite).Audited("user")
            .Produces(StatusCodes.Status204NoContent).ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
    }

    private static async Task<IResult> ListAsync([AsParameters] PageQuery query, DataStore store, CancellationToken cancellation)
    {
        var errors = new FieldErrors();
        if (!query.TryParse(errors, out var page)) return errors.ToResult();
        return TypedResults.Ok(page.Over((await store.Users.ListAsync(cancellation)).Select(UserResponse.From), u => u.Id));
    }

    private static async Task<IResult> GetAsync(long id, DataStore store, CancellationToken cancellation) =>
        await store.Users.GetAsync(id, cancellation) is { } user ? TypedResults.Ok(UserResponse.From(user)) : ApiProblems.NotFound("user");

    private static async Task<IResult> CreateAsync(NewUserRequest request, DataStore store, IPasswordVerifier passwords, HttpContext context,
        CancellationToken cancellation)
    {
        var errors = new FieldErrors();
        errors.Require("username", request.Username);
        if (request.DisplayName is not null) errors.RequireText("displayName", request.DisplayName, 100);
        if (PasswordHashing.Refusal(request.Password) is { } refusal) errors.Add("password", refusal);
        var roles = RoleNames.Parse(request.Roles, errors);
        if (errors.Any) return errors.ToResult();
        var created = await store.Users.CreateAsync(
            new NewUser(request.Username!, string.IsNullOrWhiteSpace(request.DisplayName) ? request.Username! : request.DisplayName, passwords.Hash(request.Password!), roles!),
            cancellation);
        if (created.Value is not { } user) return DataProblems.ToResult(created.Problem, "username", created.Detail);
        context.Note("roles: " + string.Join(",", user.Roles.Select(Roles.NameOf)));
        return TypedResults.Created($"/api/v1/users/{user.Id}", UserResponse.From(user));
    }

    private static async Task<IResult> ChangeAsync(long id, UserChangeRequest request, DataStore store, IPasswordVerifier passwords,
        RealtimeHub realtime, HttpContext context, CancellationToken cancellation)
    {
        var errors = new FieldErrors();
        var roles = request.Roles is null ? null : RoleNames.Parse(request.Roles, errors);
        if (request.Password is not null && PasswordHashing.Refusal(request.Password) is { } refusal) errors.Add("password", refusal);
        if (errors.Any) return errors.ToResult();
        if (await store.Users.GetAsync(id, cancellation) is not { } user) return ApiProblems.NotFound("user");
        var staysAdmin = (roles ?? user.Roles).Contains(Role.Admin) && !(request.Disabled ?? user.IsDisabled);
        if (!staysAdmin && await IsLastAdminAsync(store, user, cancellation)) return LastAdmin();

        var changes = new List<string>();
        if (roles is not null)
        {
            await store.Users.SetRolesAsync(id, roles, cancellation);
            changes.Add("roles: " + string.Join(",", roles.Distinct().Select(Roles.NameOf)));
        }
        if (request.Disabled is { } disabled)
        {
            await store.Users.SetDisabledAsync(id, disabled, cancellation);
            changes.Add(disabled ? "disabled" : "enabled");
        }
        if (request.Password is not null)
        {
            await store.Users.SetPasswordHashAsync(id, passwords.Hash(request.Password), cancellation);
            changes.Add("password reset");
        }
        if (request.Unlock == true)
        {
            await store.Users.RecordLoginSuccessAsync(id, cancellation);
            changes.Add("unlocked");
        }
        // New roles, a disabled account or a reset password: sessions and live streams opened under the old state end.
        if (roles is not null || request.Disabled == true || request.Password is not null)
        {
            await store.Sessions.EndAllAsync(id, null, cancellation);
            realtime.Disconnect(viewer => viewer.Caller.UserId == id);
        }
        context.Note(changes.Count == 0 ? "no change" : string.Join("; ", changes));
        return TypedResults.Ok(UserResponse.From((await store.Users.GetAsync(id, cancellation))!));
    }

    private static async Task<IResult> DeleteAsync(long id, DataStore store, RealtimeHub realtime, CancellationToken cancellation)
    {
        if (await store.Users.GetAsync(id, cancellation) is not { } user) return ApiProblems.NotFound("user");
        if (await IsLastAdminAsync(store, user, cancellation)) return LastAdmin();
        await store.Users.DeleteAsync(id, cancellation);
        realtime.Disconnect(viewer => viewer.Caller.UserId == id);
        return TypedResults.NoContent();
    }

    // Nobody could manage users any more (short of the command line): refuse rather than lock everyone out.
    private static async Task<bool> IsLastAdminAsync(DataStore store, User user, CancellationToken cancellation) =>
        user.Roles.Contains(Role.Admin) && !user.IsDisabled
        && !(await store.Users.ListAsync(cancellation)).Any(other => other.Id != user.Id && other.Roles.Contains(Role.Admin) && !other.IsDisabled);

    private static IResult LastAdmin() =>
        ApiProblems.Conflict("last_admin", "This is the last enabled administrator: make another one first.");
}
