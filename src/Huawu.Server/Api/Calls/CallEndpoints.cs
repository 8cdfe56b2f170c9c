using Huawu.Data;
using Huawu.Server.Api.Contacts;
using Huawu.Server.Api.Paging;
using Huawu.Server.Api.Problems;
using Huawu.Server.Api.Recordings;
using Huawu.Server.Api.Validation;
using Huawu.Server.Security;

namespace Huawu.Server.Api.Calls;

/// <summary>
/// <c>/api/v1/calls</c>: call history, scoped — everything, a supervisor's teams, or an agent's own calls — with
/// what hangs off each call. A call out of the caller's scope is 404.
/// </summary>
internal static class CallEndpoints
{
    public static void Map(RouteGroupBuilder api)
    {
        var calls = api.MapGroup("/calls").WithTags("calls");
        calls.MapGet("", ListAsync).RequirePermission(Permission.CallsRead).Produces<Page<CallResponse>>().ProducesValidationProblem();
        CallExport.Map(calls);
        calls.MapGet("/{id:long}", GetAsync).RequirePermission(Permission.CallsRead).Produces<CallResponse>().ProducesProblem(StatusCodes.Status404NotFound);
        calls.MapGet("/{id:long}/events", EventsAsync).RequirePermission(Permission.CallsRead)
            .Produces<Page<CallEventResponse>>().ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound);
        calls.MapGet("/{id:long}/legs", LegsAsync).RequirePermission(Permission.CallsRead)
            .Produces<Page<CallLegResponse>>().ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound);
        calls.MapGet("/{id:long}/customer", CustomerAsync).RequirePermission(Permission.CallsRead)
            .Produces<Page<ContactResponse>>().ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound);
        calls.MapGet("/{id:long}/recordings", RecordingsAsync).RequirePermission(Permission.RecordingsRead)
            .Produces<Page<RecordingResponse>>().ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound);
        calls.MapGet("/{id:long}/transcript", TranscriptAsync).RequirePermission(Permission.TranscriptsRead)
            .Produces<Page<TranscriptSegmentResponse>>().ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound);
    }

    private static async Task<IResult> ListAsync([AsParameters] PageQuery query, HttpContext context, DataStore store, ScopeResolver scopes,
        CancellationToken cancellation)
    {
        var errors = new FieldErrors();
        if (!query.TryParse(errors, out var page)) return errors.ToResult();
        var scope = await scopes.ForRequestAsync(context);
        // Newest first: the cursor is the last id seen, and the next page continues below it.
        var calls = await store.Calls.PageAsync(scope.Calls, page.After, page.Limit + 1, cancellation);
        return TypedResults.Ok(page.Of([.. calls.Select(c => CallResponse.From(c, scope.View))], c => c.Id));
    }

    private static async Task<IResult> GetAsync(long id, HttpContext context, CallAccess access, CancellationToken cancellation) =>
        await access.FindAsync(context, id, cancellation) is { } scoped
            ? TypedResults.Ok(CallResponse.From(scoped.Call, scoped.Scope.View))
            : ApiProblems.NotFound("call");

    private static Task<IResult> EventsAsync(long id, [AsParameters] PageQuery query, HttpContext context, CallAccess access, DataStore store,
        CancellationToken cancellation) =>
        PagedForCallAsync(id, query, context, access, async scoped =>
            (await store.Calls.EventsAsync(id, cancellation)).Select(CallEventResponse.From), e => e.Id, cancellation);

    private static Task<IResult> LegsAsync(long id, [AsParameters] PageQuery query, HttpContext context, CallAccess access, DataStore store,
        CancellationToken cancellation) =>
        PagedForCallAsync(id, query, context, access, async scoped =>
            (await store.Calls.LegsAsync(id, cancellation)).Select(leg => CallLegResponse.From(leg, scoped.Scope.View)), l => l.Id, cancellation);

    private static Task<IResult> CustomerAsync(long id, [AsParameters] PageQuery query, HttpContext context, CallAccess access, DataStore store,
        CancellationToken cancellation) =>
        PagedForCallAsync(id, query, context, access, async scoped =>
            scoped.Call.CustomerPhone is { } phone && await access.MaySeeCustomerAsync(scoped, cancellation)
                ? (await store.Contacts.FindByPhoneAsync(phone, cancellation)).Select(c => ContactResponse.From(c, scoped.Scope.View))
                : [], c => c.Id, cancellation);

    private static Task<IResult> RecordingsAsync(long id, [AsParameters] PageQuery query, HttpContext context, CallAccess access, DataStore store,
        CancellationToken cancellation) =>
        PagedForCallAsync(id, query, context, access, async scoped =>
            (await store.Recordings.ForCallAsync(id, cancellation)).Select(RecordingResponse.From), r => r.Id, cancellation);

    private static Task<IResult> TranscriptAsync(long id, [AsParameters] PageQuery query, HttpContext context, CallAccess access, DataStore store,
        CancellationToken cancellation) =>
        PagedForCallAsync(id, query, context, access, async scoped =>
            (await store.Transcripts.ForCallAsync(id, cancellation)).Select(s => TranscriptSegmentResponse.From(s, scoped.Scope.View)),
            s => s.Sequence, cancellation);

    // The lists under one call are short (a call's events, legs, utterances): read whole, paged in memory.
    private static async Task<IResult> PagedForCallAsync<T>(long id, PageQuery query, HttpContext context, CallAccess access,
        Func<ScopedCall, Task<IEnumerable<T>>> read, Func<T, long> key, CancellationToken cancellation)
    {
        var errors = new FieldErrors();
        if (!query.TryParse(errors, out var page)) return errors.ToResult();
        if (await access.FindAsync(context, id, cancellation) is not { } scoped) return ApiProblems.NotFound("call");
        return TypedResults.Ok(page.Over(await read(scoped), key));
    }
}
