using System.Net;
using Huawu.Data.Accounts;
using Huawu.Server.Security;
using Huawu.Server.Tests.Api.Support;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Huawu.Server.Tests.Security;

/// <summary>
/// Every endpoint × every role, and anonymous: the answer the matrix documents (docs/permissions.md) — the permitted
/// answer for roles granted the endpoint's permission, 403 for the others, 401 without credentials.
/// </summary>
public sealed class PermissionMatrixTests
{
    public static TheoryData<string> Callers => [.. ApiWorld.RoleUsers.Append(Anonymous)];

    private const string Anonymous = "(anonymous)";

    [Theory]
    [MemberData(nameof(Callers))]
    public async Task Every_endpoint_answers_each_caller_as_the_matrix_says(string caller)
    {
        await using var host = await ApiHost.StartAsync();
        var declared = host.App.Services.GetRequiredService<EndpointDataSource>().Endpoints;
        var client = caller == Anonymous ? host.Client() : host.ClientFor(caller);
        var role = Roles.TryParse(caller, out var parsed) ? parsed : (Role?)null;
        var wrong = new List<string>();
        foreach (var endpoint in EndpointCatalog.All)
        {
            var metadata = Find(declared, endpoint);
            var expected = metadata.GetMetadata<PublicEndpointMetadata>() is not null ? endpoint.Allowed
                : caller == Anonymous ? HttpStatusCode.Unauthorized
                : PermissionMatrix.Allows([role!.Value], metadata.GetMetadata<PermissionMetadata>()!.Permission) ? endpoint.Allowed
                : HttpStatusCode.Forbidden;
            using var request = await endpoint.Build(host, caller == Anonymous ? "admin" : caller);
            using var response = await client.SendAsync(request);
            if (response.StatusCode != expected) wrong.Add($"{endpoint}: expected {(int)expected}, got {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        }
        Assert.True(wrong.Count == 0, string.Join("\n", wrong));
    }

    [Fact]
    public async Task The_catalogue_covers_every_endpoint_the_api_maps_and_each_declares_a_permission_or_is_public()
    {
        await using var host = await ApiHost.StartAsync();
        var mapped = PermissionDocument.Describe(host.App.Services.GetRequiredService<EndpointDataSource>().Endpoints).ToList();
        Assert.Equal(mapped.Select(e => $"{e.Method} {e.Path}").Order(StringComparer.Ordinal),
            EndpointCatalog.All.Select(e => e.ToString()).Order(StringComparer.Ordinal));
        Assert.All(mapped, e => Assert.True(
            e.Endpoint.Metadata.GetMetadata<PermissionMetadata>() is not null ^ e.Endpoint.Metadata.GetMetadata<PublicEndpointMetadata>() is not null,
            $"{e.Method} {e.Path} must declare exactly one of a permission or public"));
    }

    [Fact]
    public async Task An_endpoint_that_declares_nothing_is_denied_to_everyone_and_unknown_paths_are_404()
    {
        await using var host = await ApiHost.StartAsync(extraEndpoints: app => app.MapGet("/api/v1/undeclared", () => "secret"));
        Assert.Equal(HttpStatusCode.Unauthorized, (await host.Client().GetAsync("/api/v1/undeclared")).StatusCode);
        await (await host.ClientFor("admin").GetAsync("/api/v1/undeclared")).ProblemAsync(HttpStatusCode.Forbidden, "forbidden");
        await (await host.ClientFor("admin").GetAsync("/api/v1/no-such-thing")).ProblemAsync(HttpStatusCode.NotFound, "not_found");
    }

    [Fact]
    public void The_matrix_keeps_the_rules_the_issue_states()
    {
        // Independent of the table's details: what the roles are for (issue 3, "Accounts and access").
        var writes = new[] { Permission.UsersWrite, Permission.TeamsWrite, Permission.RetentionWrite, Permission.SettingsWrite, Permission.DoNotCallRemove };
        Assert.All(writes, p => Assert.Equal([Role.Admin], Roles.All.Where(r => PermissionMatrix.Allows([r], p))));
        Assert.DoesNotContain(PermissionMatrix.Grants[Role.ReadonlyAuditor].Permissions, p => Permissions.NameOf(p).EndsWith(".write", StringComparison.Ordinal)
            || p is Permission.DoNotCallAdd or Permission.DoNotCallRemove or Permission.RecordingsPlay or Permission.EventsSubscribe);
        Assert.Empty(PermissionMatrix.Grants[Role.ReadonlyAuditor].Unmasked);
        Assert.Equal(Reach.OwnCalls, PermissionMatrix.Grants[Role.Agent].Reach);
        Assert.Equal(Reach.SupervisedTeams, PermissionMatrix.Grants[Role.Supervisor].Reach);
        Assert.All(new[] { Role.QualityAuditor, Role.ReadonlyAuditor }, r => Assert.True(
            PermissionMatrix.Allows([r], Permission.AuditRead) && PermissionMatrix.Allows([r], Permission.AuditVerify)));
        Assert.All(Roles.All.Where(r => r != Role.Admin), r => Assert.DoesNotContain(Huawu.Data.Protection.DataClass.PhoneNumber, PermissionMatrix.Grants[r].Unmasked));
    }

    private static EndpointMetadataCollection Find(IReadOnlyList<Endpoint> endpoints, EndpointCase endpoint) =>
        PermissionDocument.Describe(endpoints).Single(e => e.Method == endpoint.Method && e.Path == endpoint.Path).Endpoint.Metadata;
}
