using Huawu.Data;
using Huawu.Data.Accounts;
using Huawu.Data.Audit;
using Huawu.Server.Accounts;
using Huawu.Server.Api.Auditing;
using Huawu.Server.Api.Problems;
using Huawu.Server.Api.Validation;
using Huawu.Server.Security;
using Huawu.Server.Realtime;

namespace Huawu.Server.Api.Sessions;

/// <summary><c>/api/v1/session</c>: sign in (the console's cookie), who am I, sign out, change one's password.</summary>
internal static class SessionEndpoints
{
    public static void Map(RouteGroupBuilder api)
    {
        var session = api.MapGroup("/session").WithTags("session");
        session.MapPost("", SignInAsync).Public("signing in").AuditedByHandler("user")
            .Produces<SessionResponse>().ProducesProblem(StatusCodes.Status401Unauthorized).ProducesValidationProblem();
        session.MapGet("", MeAsync).RequirePermission(Permission.SessionSelf).Produces<SessionResponse>();
        session.MapDelete("", SignOutAsync).RequirePermission(Permission.SessionSelf).AuditedByHandler("session")
            .Produces(StatusCodes.Status204NoContent).ProducesProblem(StatusCodes.Status400BadRequest);
        session.MapPut("/password", ChangePasswordAsync).RequirePermission(Permission.SessionSelf).Audited("user_password")
            .Produces(StatusCodes.Status204NoContent).ProducesValidationProblem();
        SecondFactorEndpoints.Map(session);
    }

    private static async Task<IResult> SignInAsync(SignInRequest request, HttpContext context, SignInService signIn, SessionCookie cookie,
        DataStore store, CancellationToken cancellation)
    {
        var errors = new FieldErrors();
        errors.Require("username", request.Username);
        errors.Require("password", request.Password);
        if (errors.Any) return errors.ToResult();
        var outcome = await signIn.SignInAsync(request.Username!, request.Password!, request.TotpCode, cancellation);
        switch (outcome.Status)
        {
            case SignInStatus.SecondFactorRequired:
                return ApiProblems.Result(StatusCodes.Status401Unauthorized, "second_factor_required", "Code needed",
                    "This account has a second factor: send the authenticator app's code as totpCode.");
            case SignInStatus.InvalidSecondFactor:
                return ApiProblems.Result(StatusCodes.Status401Unauthorized, "invalid_second_factor", "Wrong code",
                    "The code is wrong, too old, or was already used.");
            case SignInStatus.Succeeded:
                var issued = outcome.Session!;
                cookie.Write(context.Response, issued.Secret, issued.Session.ExpiresAt);
                var caller = new Caller(outcome.User!.Id, outcome.User.Username, outcome.User.Roles, CredentialKind.Session, issued.Session.Id,
                    issued.Session.ExpiresAt, CsrfTokens.For(issued.Secret));
                return TypedResults.Ok(await DescribeAsync(caller, store, cancellation));
            default:
                return ApiProblems.Result(StatusCodes.Status401Unauthorized, "invalid_credentials", "Sign-in failed",
                    "The username or password is wrong, or the account cannot sign in now.");
        }
    }

    private static async Task<IResult> MeAsync(HttpContext context, DataStore store, CancellationToken cancellation) =>
        TypedResults.Ok(await DescribeAsync(Caller.From(context.User)!, store, cancellation));

    private static async Task<IResult> SignOutAsync(HttpContext context, DataStore store, SessionCookie cookie, RequestAudit audit,
        RealtimeHub realtime)
    {
        var caller = Caller.From(context.User)!;
        if (caller.Credential != CredentialKind.Session)
            return ApiProblems.BadRequest("not_a_session", "API tokens have no session to end: revoke the token instead (DELETE /api/v1/tokens/{id}).");
        await store.Sessions.EndAsync(caller.CredentialId, CancellationToken.None);
        cookie.Clear(context.Response);
        realtime.Disconnect(viewer => viewer.Caller.Credential == CredentialKind.Session && viewer.Caller.CredentialId == caller.CredentialId);
        await audit.RecordAsync(context, AuditAction.Logout, AuditOutcome.Success, "session", Ids.Text(caller.CredentialId), null);
        return TypedResults.NoContent();
    }

    private static async Task<IResult> ChangePasswordAsync(PasswordChangeRequest request, HttpContext context, DataStore store,
        SignInService signIn, IPasswordVerifier passwords, CancellationToken cancellation)
    {
        var caller = Caller.From(context.User)!;
        var errors = new FieldErrors();
        errors.Require("currentPassword", request.CurrentPassword);
        if (PasswordHashing.Refusal(request.NewPassword) is { } refusal) errors.Add("newPassword", refusal);
        if (errors.Any) return errors.ToResult();
        if (!await signIn.CheckPasswordAsync(caller.UserId, request.CurrentPassword!, cancellation))
            return FieldErrors.Single("currentPassword", "wrong password");
        await store.Users.SetPasswordHashAsync(caller.UserId, passwords.Hash(request.NewPassword!), cancellation);
        // Whoever else knew the old password is signed out everywhere; this session stays.
        var ended = await store.Sessions.EndAllAsync(caller.UserId, caller.Credential == CredentialKind.Session ? caller.CredentialId : null, cancellation);
        context.Note($"other sessions ended: {ended}");
        return TypedResults.NoContent();
    }

    private static async Task<SessionResponse> DescribeAsync(Caller caller, DataStore store, CancellationToken cancellation)
    {
        var user = await store.Users.GetAsync(caller.UserId, cancellation);
        var totp = await store.SecondFactors.GetAsync(caller.UserId, cancellation);
        var me = new MeResponse(caller.UserId, caller.Username, user?.DisplayName ?? caller.Username, [.. caller.Roles.Select(Roles.NameOf)],
            [.. PermissionMatrix.PermissionsOf(caller.Roles).Order().Select(Permissions.NameOf)], totp?.IsEnabled == true,
            caller.Credential == CredentialKind.Session ? "session" : "api_token");
        return new SessionResponse(me, caller.CsrfToken, caller.ExpiresAt);
    }
}
