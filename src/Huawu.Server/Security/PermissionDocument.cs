using System.Text;
using Huawu.Data.Accounts;
using Huawu.Data.Protection;
using Huawu.Server.Api;

namespace Huawu.Server.Security;

/// <summary>
/// Writes docs/permissions.md from the code: the role matrix (<see cref="PermissionMatrix"/>) and what every mapped
/// endpoint declares. A test renders it from the running API and fails when the file in the repository differs.
/// </summary>
internal static class PermissionDocument
{
    public const string RelativePath = "docs/permissions.md";

    public static string Render(IEnumerable<Endpoint> endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        var text = new StringBuilder();
        text.Append("""
            # Permissions

            Generated from the code — the role table in `src/Huawu.Server/Security/PermissionMatrix.cs` and what each endpoint
            declares — by `HUAWU_WRITE_DOCS=1 dotnet test tests/Huawu.Server.Tests --filter PermissionDocument`. A test fails
            when this file and the code disagree. Every endpoint is denied unless it names a permission (or is public); a user
            with several roles has the union of their grants.

            Answers: no or a bad credential → 401; a permission the caller's roles lack → 403 (audited); a record outside the
            caller's reach (another team's call, another agent's call) → 404, as if it did not exist (audited as a denial).


            """);
        AppendRoleTable(text);
        AppendReach(text);
        AppendEndpoints(text, endpoints);
        return text.ToString().ReplaceLineEndings("\n");
    }

    private static void AppendRoleTable(StringBuilder text)
    {
        text.Append("## Permissions by role\n\n| permission | ").AppendJoin(" | ", Roles.All.Select(Roles.NameOf)).Append(" |\n|---|")
            .AppendJoin("", Roles.All.Select(_ => "---|")).Append('\n');
        foreach (var permission in Permissions.All)
        {
            text.Append("| `").Append(Permissions.NameOf(permission)).Append("` | ")
                .AppendJoin(" | ", Roles.All.Select(role => PermissionMatrix.Grants[role].Permissions.Contains(permission) ? "yes" : "—"))
                .Append(" |\n");
        }
        text.Append('\n');
    }

    private static void AppendReach(StringBuilder text)
    {
        text.Append("## Reach and masking by role\n\n")
            .Append("Calls reached also decide which recordings, transcripts and live events a role gets. Personal data a role does not see\n")
            .Append("whole is masked in responses, exports and live events (`138****5678`, `张*`, `110***********4514`; free text as `****`).\n\n")
            .Append("| role | calls reached | personal data seen whole |\n|---|---|---|\n");
        foreach (var role in Roles.All)
        {
            var grant = PermissionMatrix.Grants[role];
            var whole = Enum.GetValues<DataClass>().Where(grant.Unmasked.Contains).Select(c => c.ToString()).ToList();
            text.Append("| ").Append(Roles.NameOf(role)).Append(" | ").Append(Describe(grant.Reach)).Append(" | ")
                .Append(whole.Count == 0 ? "none" : string.Join(", ", whole)).Append(" |\n");
        }
        text.Append('\n');
    }

    private static void AppendEndpoints(StringBuilder text, IEnumerable<Endpoint> endpoints)
    {
        text.Append("## Endpoints\n\n| method | path | needs | roles |\n|---|---|---|---|\n");
        foreach (var (method, path, endpoint) in Describe(endpoints))
        {
            text.Append("| ").Append(method).Append(" | `").Append(path).Append("` | ");
            if (endpoint.Metadata.GetMetadata<PermissionMetadata>() is { } demanded)
            {
                text.Append('`').Append(Permissions.NameOf(demanded.Permission)).Append("` | ")
                    .AppendJoin(", ", Roles.All.Where(role => PermissionMatrix.Grants[role].Permissions.Contains(demanded.Permission)).Select(Roles.NameOf));
            }
            else if (endpoint.Metadata.GetMetadata<PublicEndpointMetadata>() is { } open)
            {
                text.Append("public (").Append(open.Why).Append(") | anyone");
            }
            else
            {
                text.Append("nothing declared: denied | nobody");
            }
            text.Append(" |\n");
        }
    }

    /// <summary>Every routed endpoint as (method, path pattern), in path then method order.</summary>
    public static IEnumerable<(string Method, string Path, Endpoint Endpoint)> Describe(IEnumerable<Endpoint> endpoints) =>
        endpoints.OfType<RouteEndpoint>()
            .SelectMany(e => (e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? ["*"]).Select(m => (Method: m, Path: RoutePath.Of(e)!, Endpoint: (Endpoint)e)))
            .OrderBy(e => e.Path, StringComparer.Ordinal).ThenBy(e => e.Method, StringComparer.Ordinal);

    private static string Describe(Reach reach) => reach switch
    {
        Reach.Everything => "every call",
        Reach.SupervisedTeams => "calls of the teams they supervise (by agent or queue)",
        _ => "their own calls; the customer of their current call",
    };
}
