using Huawu.Data;
using Huawu.Data.Retention;
using Huawu.Server.Api.Auditing;
using Huawu.Server.Api.Paging;
using Huawu.Server.Api.Problems;
using Huawu.Server.Api.Validation;
using Huawu.Server.Security;

namespace Huawu.Server.Api.Retention;

public sealed record RetentionPolicyRequest(int? RetainDays);

/// <summary>How long one class of records is kept; <see cref="RetainDays"/> null means until erased.</summary>
public sealed record RetentionPolicyResponse(string DataClass, int? RetainDays, DateTimeOffset? UpdatedAt);

/// <summary><c>/api/v1/retention-policies</c>: one policy per data class (recordings, transcripts, call_records, contacts), enforced by the purge.</summary>
internal static class RetentionEndpoints
{
    public static void Map(RouteGroupBuilder api)
    {
        var policies = api.MapGroup("/retention-policies").WithTags("retention");
        policies.MapGet("", ListAsync).RequirePermission(Permission.RetentionRead).Produces<Page<RetentionPolicyResponse>>().ProducesValidationProblem();
        policies.MapPut("/{dataClass}", SetAsync).RequirePermission(Permission.RetentionWrite).Audited("retention_policy")
            .Produces<RetentionPolicyResponse>().ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound);
        policies.MapDelete("/{dataClass}", ClearAsync).RequirePermission(Permission.RetentionWrite).Audited("retention_policy")
            .Produces(StatusCodes.Status204NoContent).ProducesProblem(StatusCodes.Status404NotFound);
    }

    private static async Task<IResult> ListAsync([AsParameters] PageQuery query, DataStore store, CancellationToken cancellation)
    {
        var errors = new FieldErrors();
        if (!query.TryParse(errors, out var page)) return errors.ToResult();
        var set = (await store.RetentionPolicies.ListAsync(cancellation)).ToDictionary(p => p.DataClass);
        var all = Enum.GetValues<RetentionClass>().Select(c => (Key: (long)c, Policy: set.TryGetValue(c, out var p)
            ? new RetentionPolicyResponse(RetentionClasses.NameOf(c), p.RetainDays, p.UpdatedAt)
            : new RetentionPolicyResponse(RetentionClasses.NameOf(c), null, null)));
        var paged = page.Over(all, entry => entry.Key);
        return TypedResults.Ok(new Page<RetentionPolicyResponse>([.. paged.Items.Select(entry => entry.Policy)], paged.Next));
    }

    private static async Task<IResult> SetAsync(string dataClass, RetentionPolicyRequest request, HttpContext context, DataStore store,
        CancellationToken cancellation)
    {
        if (!RetentionClasses.TryParse(dataClass, out var parsed)) return UnknownClass();
        if (request.RetainDays is not (>= 1 and <= 36_500)) return FieldErrors.Single("retainDays", "1 to 36500 days");
        var set = await store.RetentionPolicies.SetAsync(parsed, request.RetainDays.Value, cancellation);
        if (set.Value is not { } policy) return DataProblems.ToResult(set.Problem, "retainDays", set.Detail);
        context.Note($"{policy.RetainDays} days");
        return TypedResults.Ok(new RetentionPolicyResponse(RetentionClasses.NameOf(policy.DataClass), policy.RetainDays, policy.UpdatedAt));
    }

    private static async Task<IResult> ClearAsync(string dataClass, DataStore store, CancellationToken cancellation)
    {
        if (!RetentionClasses.TryParse(dataClass, out var parsed)) return UnknownClass();
        return await store.RetentionPolicies.ClearAsync(parsed, cancellation) ? TypedResults.NoContent() : ApiProblems.NotFound("policy for this class");
    }

    private static IResult UnknownClass() => ApiProblems.Result(StatusCodes.Status404NotFound, "not_found", "Not found",
        "No such data class: " + string.Join(", ", Enum.GetValues<RetentionClass>().Select(RetentionClasses.NameOf)));
}
