using Microsoft.AspNetCore.Authorization;

namespace Huawu.Server.Security;

/// <summary>An endpoint's demand for one permission, met when one of the caller's roles grants it.</summary>
internal sealed class PermissionRequirement(Permission permission) : AuthorizationHandler<PermissionRequirement>, IAuthorizationRequirement
{
    public Permission Permission { get; } = permission;

    protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, PermissionRequirement requirement)
    {
        if (Caller.From(context.User) is { } caller && caller.Can(requirement.Permission)) context.Succeed(requirement);
        return Task.CompletedTask;
    }
}
