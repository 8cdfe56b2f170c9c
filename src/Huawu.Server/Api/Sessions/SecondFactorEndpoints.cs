using Huawu.Data.Audit;
using Huawu.Server.Accounts;
using Huawu.Server.Api.Auditing;
using Huawu.Server.Api.Problems;
using Huawu.Server.Api.Validation;
using Huawu.Server.Security;

namespace Huawu.Server.Api.Sessions;

/// <summary>
/// <c>/api/v1/session/totp</c>: enrol a TOTP second factor (RFC 6238), activate it with a first code, and turn it
/// off (which takes a current code, so a borrowed session cannot remove it).
/// </summary>
internal static class SecondFactorEndpoints
{
    private const string Target = "second_factor";

    public static void Map(RouteGroupBuilder session)
    {
        session.MapPost("/totp", EnrolAsync).RequirePermission(Permission.SessionSelf).Audited(Target)
            .Produces<TotpEnrolmentResponse>().ProducesProblem(StatusCodes.Status409Conflict);
        session.MapPost("/totp/activation", ActivateAsync).RequirePermission(Permission.SessionSelf).Audited(Target, AuditAction.Updated)
            .Produces(StatusCodes.Status204NoContent).ProducesValidationProblem();
        session.MapPost("/totp/deactivation", DeactivateAsync).RequirePermission(Permission.SessionSelf).Audited(Target, AuditAction.Deleted)
            .Produces(StatusCodes.Status204NoContent).ProducesValidationProblem();
    }

    private static async Task<IResult> EnrolAsync(HttpContext context, SecondFactorService secondFactor, CancellationToken cancellation)
    {
        var caller = Caller.From(context.User)!;
        if (await secondFactor.IsEnabledAsync(caller.UserId, cancellation))
            return ApiProblems.Conflict("second_factor_enabled", "A second factor is already on: turn it off first (with a current code).");
        var enrolment = await secondFactor.EnrolAsync(caller.UserId, caller.Username, cancellation);
        return enrolment is null ? ApiProblems.NotFound("user") : TypedResults.Ok(new TotpEnrolmentResponse(enrolment.Secret, enrolment.OtpauthUri));
    }

    private static async Task<IResult> ActivateAsync(TotpCodeRequest request, HttpContext context, SecondFactorService secondFactor,
        CancellationToken cancellation)
    {
        var caller = Caller.From(context.User)!;
        if (string.IsNullOrWhiteSpace(request.Code)) return CodeRequired();
        return await secondFactor.ActivateAsync(caller.UserId, request.Code, cancellation)
            ? TypedResults.NoContent()
            : FieldErrors.Single("code", "not the current code of the secret being enrolled (or nothing is being enrolled)");
    }

    private static async Task<IResult> DeactivateAsync(TotpCodeRequest request, HttpContext context, SecondFactorService secondFactor,
        CancellationToken cancellation)
    {
        var caller = Caller.From(context.User)!;
        if (string.IsNullOrWhiteSpace(request.Code)) return CodeRequired();
        if (!await secondFactor.VerifyAsync(caller.UserId, request.Code, cancellation))
            return FieldErrors.Single("code", "wrong, old or already used code (or no second factor is on)");
        await secondFactor.DisableAsync(caller.UserId, cancellation);
        return TypedResults.NoContent();
    }

    private static IResult CodeRequired() => FieldErrors.Single("code", $"the {Totp.Digits} digits the authenticator app shows");
}
