using Huawu.Data;
using Huawu.Data.Audit;
using Huawu.Data.Protection;
using Huawu.Server.Api.Auditing;
using Huawu.Server.Api.Problems;
using Huawu.Server.Api.Validation;
using Huawu.Server.Security;

namespace Huawu.Server.Api.Compliance;

/// <summary>
/// <c>/api/v1/do-not-call</c>: numbers that must not be called. Numbers travel in bodies, never URLs; the list keeps
/// only blind indexes, so it answers "is this number listed" and "how many", never "which".
/// </summary>
internal static class DoNotCallEndpoints
{
    private const string Target = "do_not_call";

    public static void Map(RouteGroupBuilder api)
    {
        var list = api.MapGroup("/do-not-call").WithTags("compliance");
        list.MapGet("", CountAsync).RequirePermission(Permission.DoNotCallRead).Produces<DoNotCallSummary>();
        list.MapPost("", AddAsync).RequirePermission(Permission.DoNotCallAdd).Audited(Target)
            .Produces<DoNotCallResponse>(StatusCodes.Status201Created).Produces<DoNotCallResponse>().ProducesValidationProblem();
        list.MapPost("/lookup", LookupAsync).RequirePermission(Permission.DoNotCallRead).ReadOnlyPost(Target)
            .Produces<DoNotCallResponse>().ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound);
        list.MapPost("/removal", RemoveAsync).RequirePermission(Permission.DoNotCallRemove).Audited(Target, AuditAction.Deleted)
            .Produces(StatusCodes.Status204NoContent).ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound);
    }

    private static async Task<IResult> CountAsync(DataStore store, CancellationToken cancellation) =>
        TypedResults.Ok(new DoNotCallSummary(await store.DoNotCall.CountAsync(cancellation)));

    private static async Task<IResult> AddAsync(DoNotCallRequest request, HttpContext context, DataStore store, CancellationToken cancellation)
    {
        var errors = new FieldErrors();
        errors.Require("phone", request.Phone);
        errors.RequireText("reason", request.Reason);
        if (errors.Any) return errors.ToResult();
        var source = Caller.From(context.User)!.AuditActor;
        var added = await store.DoNotCall.AddAsync(request.Phone!, request.Reason!.Trim(), source, cancellation);
        if (!added.Succeeded) return DataProblems.ToResult(added.Problem, "phone", added.Detail);
        context.Note("phone " + Masking.Phone(request.Phone!));
        var entry = (await store.DoNotCall.FindAsync(request.Phone!, cancellation))!;
        var response = new DoNotCallResponse(entry.Reason, entry.Source, entry.CreatedAt, NewlyListed: added.Value);
        return added.Value ? TypedResults.Created((string?)null, response) : TypedResults.Ok(response);
    }

    private static async Task<IResult> LookupAsync(PhoneRequest request, DataStore store, CancellationToken cancellation)
    {
        if (string.IsNullOrWhiteSpace(request.Phone)) return FieldErrors.Single("phone", "required");
        if (!store.PhoneNumbers.TryNormalize(request.Phone, out _)) return FieldErrors.Single("phone", "not a phone number");
        return await store.DoNotCall.FindAsync(request.Phone, cancellation) is { } entry
            ? TypedResults.Ok(new DoNotCallResponse(entry.Reason, entry.Source, entry.CreatedAt, NewlyListed: false))
            : ApiProblems.Result(StatusCodes.Status404NotFound, "not_listed", "Not listed", "This number is not on the do-not-call list.");
    }

    private static async Task<IResult> RemoveAsync(PhoneRequest request, HttpContext context, DataStore store, CancellationToken cancellation)
    {
        if (string.IsNullOrWhiteSpace(request.Phone)) return FieldErrors.Single("phone", "required");
        if (!store.PhoneNumbers.TryNormalize(request.Phone, out _)) return FieldErrors.Single("phone", "not a phone number");
        context.Note("phone " + Masking.Phone(request.Phone));
        return await store.DoNotCall.RemoveAsync(request.Phone, cancellation)
            ? TypedResults.NoContent()
            : ApiProblems.Result(StatusCodes.Status404NotFound, "not_listed", "Not listed", "This number is not on the do-not-call list.");
    }
}
