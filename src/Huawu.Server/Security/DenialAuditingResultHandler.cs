using Huawu.Data.Audit;
using Huawu.Server.Api.Auditing;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Policy;

namespace Huawu.Server.Security;

/// <summary>
/// Audits every permission denial (a signed-in caller refused by a policy), then answers as usual (403). Requests
/// without credentials are not audited here: anyone on the network could fill the log with them.
/// </summary>
internal sealed class DenialAuditingResultHandler(RequestAudit audit) : IAuthorizationMiddlewareResultHandler
{
    private readonly AuthorizationMiddlewareResultHandler _default = new();

    public async Task HandleAsync(RequestDelegate next, HttpContext context, AuthorizationPolicy policy, PolicyAuthorizationResult authorizeResult)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(authorizeResult);
        if (authorizeResult.Forbidden)
        {
            var demanded = context.GetEndpoint()?.Metadata.GetMetadata<PermissionMetadata>()?.Permission;
            await audit.RecordAsync(context, AuditAction.PermissionDenied, AuditOutcome.Denied, "endpoint", RequestAudit.Describe(context),
                demanded is { } permission ? "needs " + Permissions.NameOf(permission) : "no permission declared");
        }
        await _default.HandleAsync(next, context, policy, authorizeResult);
    }
}
