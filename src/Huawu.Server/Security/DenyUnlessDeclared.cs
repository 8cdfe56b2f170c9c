using Microsoft.AspNetCore.Authorization;

namespace Huawu.Server.Security;

/// <summary>
/// The fallback policy's requirement: an endpoint that declares neither a permission nor that it is public is
/// denied to everyone, so a forgotten declaration fails closed. Requests that match no endpoint pass through to be
/// answered 404, and so do those routing itself rejects (its "405 method not supported" endpoint is no route of ours).
/// </summary>
internal sealed class DenyUnlessDeclared : AuthorizationHandler<DenyUnlessDeclared>, IAuthorizationRequirement
{
    protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, DenyUnlessDeclared requirement)
    {
        if (context.Resource is HttpContext http && http.GetEndpoint() is not RouteEndpoint) context.Succeed(requirement);
        return Task.CompletedTask;
    }
}
