using Microsoft.AspNetCore.Authorization;

namespace Huawu.Server.Security;

/// <summary>
/// The fallback policy's requirement: an endpoint that declares neither a permission nor that it is public is
/// denied to everyone, so a forgotten declaration fails closed. Requests that match no endpoint at all pass
/// through, to be answered 404.
/// </summary>
internal sealed class DenyUnlessDeclared : AuthorizationHandler<DenyUnlessDeclared>, IAuthorizationRequirement
{
    protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, DenyUnlessDeclared requirement)
    {
        if (context.Resource is HttpContext http && http.GetEndpoint() is null) context.Succeed(requirement);
        return Task.CompletedTask;
    }
}
