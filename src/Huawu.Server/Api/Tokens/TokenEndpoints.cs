using Huawu.Data;
using Huawu.Server.Accounts;
using Huawu.Server.Api.Auditing;
using Huawu.Server.Api.Paging;
using Huawu.Server.Api.Problems;
using Huawu.Server.Api.Validation;
using Huawu.Server.Realtime;
using Huawu.Server.Security;

namespace Huawu.Server.Api.Tokens;

/// <summary><c>/api/v1/tokens</c>: a user's own API tokens for integrations (stored hashed, shown once, expiring, revocable).</summary>
internal static class TokenEndpoints
{
    public const int DefaultDays = 90;

    public static void Map(RouteGroupBuilder api)
    {
        var tokens = api.MapGroup("/tokens").WithTags("tokens");
        tokens.MapGet("", ListAsync).RequirePermission(Permission.TokensSelf).Produces<Page<TokenResponse>>().ProducesValidationProblem();
        tokens.MapPost("", CreateAsync).RequirePermission(Permission.TokensSelf).Audited("api_token")
            .Produces<NewTokenResponse>(StatusCodes.Status201Created).ProducesValidationProblem();
        tokens.MapDelete("/{id:long}", RevokeAsync).RequirePermission(Permission.TokensSelf).Audited("api_token")
            .Produces(StatusCodes.Status204NoContent).ProducesProblem(StatusCodes.Status404NotFound);
    }

    private static async Task<IResult> ListAsync([AsParameters] PageQuery query, HttpContext context, DataStore store, TimeProvider time,
        CancellationToken cancellation)
    {
        var errors = new FieldErrors();
        if (!query.TryParse(errors, out var page)) return errors.ToResult();
        var now = time.GetUtcNow();
        var tokens = await store.ApiTokens.ListForUserAsync(Caller.From(context.User)!.UserId, cancellation);
        return TypedResults.Ok(page.Over(tokens.Select(t => TokenResponse.From(t, now)), t => t.Id));
    }

    private static async Task<IResult> CreateAsync(TokenRequest request, HttpContext context, DataStore store, AccountOptions options,
        TimeProvider time, CancellationToken cancellation)
    {
        var errors = new FieldErrors();
        errors.Require("name", request.Name);
        var days = request.ExpiresInDays ?? DefaultDays;
        if (days < 1 || days > options.TokenMaxDays) errors.Add("expiresInDays", $"1 to {options.TokenMaxDays} days (every token expires)");
        if (errors.Any) return errors.ToResult();
        var issued = await store.ApiTokens.IssueAsync(Caller.From(context.User)!.UserId, request.Name!, time.GetUtcNow().AddDays(days), cancellation);
        if (issued.Value is not { } created) return DataProblems.ToResult(issued.Problem, "name", issued.Detail);
        var token = created.Token;
        return TypedResults.Created($"/api/v1/tokens/{token.Id}",
            new NewTokenResponse(token.Id, token.Name, token.CreatedAt, token.ExpiresAt, created.Secret));
    }

    private static async Task<IResult> RevokeAsync(long id, HttpContext context, DataStore store, RealtimeHub realtime, CancellationToken cancellation)
    {
        var caller = Caller.From(context.User)!;
        if (!await store.ApiTokens.RevokeAsync(caller.UserId, id, cancellation)) return ApiProblems.NotFound("active token of yours");
        realtime.Disconnect(viewer => viewer.Caller.Credential == CredentialKind.ApiToken && viewer.Caller.CredentialId == id);
        return TypedResults.NoContent();
    }
}
