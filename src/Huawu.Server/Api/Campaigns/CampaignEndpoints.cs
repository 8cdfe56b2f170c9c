using Huawu.ContactCenter.Campaigns;
using Huawu.Data;
using Huawu.Server.Api.Auditing;
using Huawu.Server.Api.Paging;
using Huawu.Server.Api.Problems;
using Huawu.Server.Api.Validation;
using Huawu.Server.Configuration;
using Huawu.Server.Security;

namespace Huawu.Server.Api.Campaigns;

/// <summary>
/// <c>/api/v1/campaigns</c>: create campaigns, start, pause, resume and stop them, and follow their progress and attempts. The dialer of
/// every node follows the stored status within a second; live progress is on the event stream (<c>campaign.*</c> events).
/// </summary>
internal static class CampaignEndpoints
{
    private const string Target = "campaign";

    public static void Map(RouteGroupBuilder api)
    {
        var campaigns = api.MapGroup("/campaigns").WithTags("campaigns");
        campaigns.MapGet("", ListAsync).RequirePermission(Permission.CampaignsRead).Produces<Page<CampaignResponse>>().ProducesValidationProblem();
        campaigns.MapPost("", CreateAsync).RequirePermission(Permission.CampaignsWrite).Audited(Target)
            .Produces<CampaignResponse>(StatusCodes.Status201Created).ProducesValidationProblem();
        campaigns.MapGet("/{id:long}", GetAsync).RequirePermission(Permission.CampaignsRead)
            .Produces<CampaignDetailResponse>().ProducesProblem(StatusCodes.Status404NotFound);
        campaigns.MapGet("/{id:long}/attempts", AttemptsAsync).RequirePermission(Permission.CampaignsRead)
            .Produces<Page<AttemptResponse>>().ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound);
        campaigns.MapGet("/{id:long}/callbacks", CallbacksAsync).RequirePermission(Permission.CampaignsRead)
            .Produces<IReadOnlyList<CallbackResponse>>().ProducesProblem(StatusCodes.Status404NotFound);
        foreach (var (action, move) in new (string, Func<CampaignService, long, CancellationToken, Task<CampaignChange>>)[]
                 {
                     ("start", (s, id, c) => s.StartAsync(id, c)),
                     ("pause", (s, id, c) => s.PauseAsync(id, c)),
                     ("resume", (s, id, c) => s.ResumeAsync(id, c)),
                     ("stop", (s, id, c) => s.StopAsync(id, c)),
                 })
        {
            campaigns.MapPost($"/{{id:long}}/{action}", async (long id, HttpContext context, CampaignService service, CancellationToken cancellation) =>
                    ToResult(await move(service, id, cancellation), context, action))
                .RequirePermission(Permission.CampaignsControl).Audited(Target, Huawu.Data.Audit.AuditAction.Updated).WithName($"campaign_{action}")
                .Produces<CampaignResponse>().ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        }
    }

    private static async Task<IResult> ListAsync([AsParameters] PageQuery query, DataStore store, CancellationToken cancellation)
    {
        var errors = new FieldErrors();
        if (!query.TryParse(errors, out var page)) return errors.ToResult();
        return TypedResults.Ok(page.Over((await store.Campaigns.ListAsync(cancellation)).Select(CampaignResponse.From), c => c.Id));
    }

    private static async Task<IResult> CreateAsync(CampaignRequest request, CampaignService service, ServerConfiguration configuration,
        CancellationToken cancellation)
    {
        var errors = new FieldErrors();
        if (CampaignRequests.ToDefinition(request, configuration.Data, errors) is not { } definition) return errors.ToResult();
        var created = await service.CreateAsync(definition, cancellation);
        if (created.Campaign is { } campaign) return TypedResults.Created($"/api/v1/campaigns/{campaign.Id}", CampaignResponse.From(campaign));
        foreach (var problem in created.Problems) errors.Add(CampaignRequests.FieldOf(problem.Field), problem.Message);
        return errors.ToResult();
    }

    private static async Task<IResult> GetAsync(long id, CampaignService service, CancellationToken cancellation) =>
        await service.ReportAsync(id, cancellation) is { } report ? TypedResults.Ok(CampaignDetailResponse.From(report)) : ApiProblems.NotFound("campaign");

    private static async Task<IResult> AttemptsAsync(long id, [AsParameters] PageQuery query, DataStore store, CancellationToken cancellation)
    {
        var errors = new FieldErrors();
        if (!query.TryParse(errors, out var page)) return errors.ToResult();
        if (await store.Campaigns.GetAsync(id, cancellation) is null) return ApiProblems.NotFound("campaign");
        var attempts = await store.Attempts.ForCampaignAsync(id, page.After ?? 0, page.Limit + 1, cancellation);
        return TypedResults.Ok(page.Of([.. attempts.Select(AttemptResponse.From)], a => a.Id));
    }

    private static async Task<IResult> CallbacksAsync(long id, DataStore store, CancellationToken cancellation)
    {
        if (await store.Campaigns.GetAsync(id, cancellation) is null) return ApiProblems.NotFound("campaign");
        return TypedResults.Ok((await store.CampaignQueue.CallbacksAsync(id, cancellation)).Select(CallbackResponse.From).ToList());
    }

    private static IResult ToResult(CampaignChange change, HttpContext context, string action)
    {
        if (change.NotFound) return ApiProblems.NotFound("campaign");
        if (!change.Succeeded) return ApiProblems.Conflict("campaign_status", string.Join("; ", change.Problems.Select(p => p.Message)));
        context.Note(action);
        return TypedResults.Ok(CampaignResponse.From(change.Campaign!));
    }
}
