using Huawu.Data.Audit;
using Huawu.Server.Api.Auditing;
using Huawu.Server.Api.Problems;

namespace Huawu.Server.Security;

/// <summary>
/// Refuses state-changing requests that ride on the session cookie without the session's anti-forgery token
/// (<see cref="CsrfTokens"/>). Safe methods (RFC 9110 §9.2.1) and API-token requests need none: a token is
/// never attached by a browser on its own, so another site cannot make a request carry it.
/// </summary>
internal sealed class CsrfProtection(RequestDelegate next)
{
    public async Task InvokeAsync(HttpContext context, RequestAudit audit)
    {
        if (!HttpMethods.IsGet(context.Request.Method) && !HttpMethods.IsHead(context.Request.Method) && !HttpMethods.IsOptions(context.Request.Method)
            && Caller.From(context.User) is { Credential: CredentialKind.Session } caller
            && !CsrfTokens.Matches(caller.CsrfToken, context.Request.Headers[CsrfTokens.HeaderName].ToString()))
        {
            await audit.RecordAsync(context, AuditAction.PermissionDenied, AuditOutcome.Denied, "endpoint", RequestAudit.Describe(context),
                "missing or wrong anti-forgery token");
            await ApiProblems.WriteAsync(context, ApiProblems.Create(StatusCodes.Status403Forbidden, "csrf_token_invalid", "Anti-forgery token missing",
                $"Requests made with the session cookie that change something must carry the {CsrfTokens.HeaderName} header from the session."));
            return;
        }
        await next(context);
    }
}
