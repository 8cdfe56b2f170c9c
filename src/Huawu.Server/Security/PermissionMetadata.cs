namespace Huawu.Server.Security;

/// <summary>Endpoint metadata naming the permission an endpoint demands (read back for docs/permissions.md and its test).</summary>
internal sealed record PermissionMetadata(Permission Permission);

/// <summary>Endpoint metadata for the few endpoints anyone may call (health probes, sign-in, the API description).</summary>
internal sealed record PublicEndpointMetadata(string Why);

/// <summary>Declaring what an endpoint needs, in one call that also feeds the generated documentation.</summary>
internal static class EndpointPermissions
{
    public static TBuilder RequirePermission<TBuilder>(this TBuilder builder, Permission permission) where TBuilder : IEndpointConventionBuilder =>
        builder.RequireAuthorization(Permissions.PolicyName(permission)).WithMetadata(new PermissionMetadata(permission));

    public static TBuilder Public<TBuilder>(this TBuilder builder, string why) where TBuilder : IEndpointConventionBuilder =>
        builder.AllowAnonymous().WithMetadata(new PublicEndpointMetadata(why));
}
