namespace Huawu.Server.Api;

/// <summary>An endpoint's route pattern as one spelling (<c>/api/v1/users/{id:long}</c>): for audit entries and the permission document.</summary>
internal static class RoutePath
{
    public static string? Of(Endpoint? endpoint) =>
        endpoint is RouteEndpoint { RoutePattern.RawText: { } raw } ? "/" + raw.Trim('/') : null;
}
