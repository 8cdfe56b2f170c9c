using System.Text.Encodings.Web;
using Huawu.Server.Api.Problems;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace Huawu.Server.Security;

/// <summary>
/// The one authentication scheme: an API token in <c>Authorization: Bearer</c>, else the console's session
/// cookie. No credential is "anonymous"; a credential that does not check out fails (401 where it matters).
/// </summary>
internal sealed class HuawuAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    CredentialValidator validator,
    SessionCookie cookie) : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "Huawu";

    private const string BearerPrefix = "Bearer ";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var authorization = Request.Headers.Authorization.ToString();
        if (authorization.Length > 0)
        {
            // RFC 6750 §2.1: "Bearer" SP token; auth-scheme names are case-insensitive (RFC 9110 §11.1).
            if (!authorization.StartsWith(BearerPrefix, StringComparison.OrdinalIgnoreCase))
                return AuthenticateResult.Fail("only Bearer API tokens are accepted");
            var token = await validator.FromApiTokenAsync(authorization[BearerPrefix.Length..].Trim(), Context.RequestAborted);
            return token is null ? AuthenticateResult.Fail("invalid_token") : Success(token);
        }
        if (cookie.Read(Request) is not { } secret) return AuthenticateResult.NoResult();
        var session = await validator.FromSessionAsync(secret, Context.RequestAborted);
        return session is null ? AuthenticateResult.Fail("session ended") : Success(session);
    }

    protected override async Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        // RFC 6750 §3: a challenge names the scheme, and says why when a presented token was refused.
        var refusedToken = Request.Headers.Authorization.Count > 0;
        Response.Headers[HeaderNames.WWWAuthenticate] = refusedToken ? "Bearer realm=\"huawu\", error=\"invalid_token\"" : "Bearer realm=\"huawu\"";
        if (cookie.Read(Request) is not null && !refusedToken) cookie.Clear(Response);
        await ApiProblems.WriteAsync(Context, ApiProblems.Create(StatusCodes.Status401Unauthorized, "unauthenticated", "Sign in first",
            "This needs a session (sign in at /api/v1/session) or an API token (Authorization: Bearer)."));
    }

    protected override Task HandleForbiddenAsync(AuthenticationProperties properties) =>
        ApiProblems.WriteAsync(Context, ApiProblems.Create(StatusCodes.Status403Forbidden, "forbidden", "Not allowed",
            "Your roles do not allow this."));

    private static AuthenticateResult Success(Caller caller) =>
        AuthenticateResult.Success(new AuthenticationTicket(caller.ToPrincipal(SchemeName), SchemeName));
}
