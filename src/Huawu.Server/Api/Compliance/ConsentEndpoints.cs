using Huawu.Data;
using Huawu.Data.Protection;
using Huawu.Server.Api.Auditing;
using Huawu.Server.Api.Paging;
using Huawu.Server.Api.Problems;
using Huawu.Server.Api.Validation;
using Huawu.Server.Security;

namespace Huawu.Server.Api.Compliance;

/// <summary><c>/api/v1/consents</c>: record a person's grant or withdrawal of consent, and read a number's history (numbers in bodies).</summary>
internal static class ConsentEndpoints
{
    public static void Map(RouteGroupBuilder api)
    {
        var consents = api.MapGroup("/consents").WithTags("compliance");
        consents.MapPost("", RecordAsync).RequirePermission(Permission.ConsentsWrite).Audited("consent")
            .Produces<ConsentResponse>(StatusCodes.Status201Created).ProducesValidationProblem();
        consents.MapPost("/lookup", HistoryAsync).RequirePermission(Permission.ConsentsRead).ReadOnlyPost("consent")
            .Produces<Page<ConsentResponse>>().ProducesValidationProblem();
    }

    private static async Task<IResult> RecordAsync(ConsentRequest request, HttpContext context, DataStore store, CancellationToken cancellation)
    {
        var errors = new FieldErrors();
        errors.Require("phone", request.Phone);
        errors.RequireText("purpose", request.Purpose, 100);
        if (request.Granted is null) errors.Add("granted", "required: true for a grant, false for a withdrawal");
        if (request.Source is not null) errors.RequireText("source", request.Source);
        if (request.CallId is { } callId && await store.Calls.GetAsync(callId, cancellation) is null) errors.Add("callId", "no such call");
        if (errors.Any) return errors.ToResult();
        var source = string.IsNullOrWhiteSpace(request.Source) ? Caller.From(context.User)!.AuditActor : request.Source.Trim();
        var recorded = await store.Consents.RecordAsync(request.Phone!, request.Purpose!.Trim(), request.Granted!.Value, source, request.CallId, cancellation);
        if (recorded.Value is not { } consent) return DataProblems.ToResult(recorded.Problem, "phone", recorded.Detail);
        context.Note($"phone {Masking.Phone(request.Phone!)}, {consent.Purpose}: {(consent.Granted ? "granted" : "withdrawn")}");
        return TypedResults.Created((string?)null, ConsentResponse.From(consent));
    }

    private static async Task<IResult> HistoryAsync(PhoneRequest request, [AsParameters] PageQuery query, DataStore store, CancellationToken cancellation)
    {
        var errors = new FieldErrors();
        _ = query.TryParse(errors, out var page); // its errors join the body's below
        if (errors.Require("phone", request.Phone) && !store.PhoneNumbers.TryNormalize(request.Phone, out _)) errors.Add("phone", "not a phone number");
        if (errors.Any) return errors.ToResult();
        var history = await store.Consents.HistoryAsync(request.Phone!, cancellation);
        return TypedResults.Ok(page.Over(history.Select(ConsentResponse.From), c => c.Id));
    }
}
