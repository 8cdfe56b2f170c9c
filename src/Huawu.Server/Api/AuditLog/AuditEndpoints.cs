using Huawu.Data;
using Huawu.Server.Api.Paging;
using Huawu.Server.Api.Validation;
using Huawu.Server.Security;

namespace Huawu.Server.Api.AuditLog;

/// <summary><c>/api/v1/audit</c>: the audit log, oldest first, and a check of its whole hash chain (for auditors).</summary>
internal static class AuditEndpoints
{
    public static void Map(RouteGroupBuilder api)
    {
        var audit = api.MapGroup("/audit").WithTags("audit");
        audit.MapGet("", ListAsync).RequirePermission(Permission.AuditRead).Produces<Page<AuditEntryResponse>>().ProducesValidationProblem();
        audit.MapGet("/verification", VerifyAsync).RequirePermission(Permission.AuditVerify).Produces<AuditVerificationResponse>();
    }

    private static async Task<IResult> ListAsync([AsParameters] PageQuery query, DataStore store, CancellationToken cancellation)
    {
        var errors = new FieldErrors();
        if (!query.TryParse(errors, out var page)) return errors.ToResult();
        var entries = await store.Audit.ReadAsync(page.After ?? 0, page.Limit + 1, cancellation);
        return TypedResults.Ok(page.Of([.. entries.Select(AuditEntryResponse.From)], e => e.Sequence));
    }

    private static async Task<IResult> VerifyAsync(DataStore store, CancellationToken cancellation)
    {
        var result = await store.Audit.VerifyAsync(cancellation);
        return TypedResults.Ok(new AuditVerificationResponse(result.IsIntact, result.EntriesChecked, result.FirstBadSequence, result.Problem));
    }
}
