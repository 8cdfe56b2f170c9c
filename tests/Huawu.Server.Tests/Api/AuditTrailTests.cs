using System.Net;
using Huawu.Server.Api.Auditing;
using Huawu.Server.Security;
using Huawu.Server.Tests.Api.Support;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Huawu.Server.Tests.Api;

/// <summary>Issue 3, "Audit log": logins, every create/update/delete, exports, playback, permission denials and unhandled exceptions.</summary>
public sealed class AuditTrailTests
{
    private static readonly string[] HandlerAudited = ["DELETE /api/v1/session", "GET /api/v1/calls/export", "GET /api/v1/recordings/{id:long}/audio", "POST /api/v1/session"];

    [Fact]
    public async Task Every_state_changing_endpoint_declares_how_it_is_audited()
    {
        await using var host = await ApiHost.StartAsync();
        var endpoints = PermissionDocument.Describe(host.App.Services.GetRequiredService<EndpointDataSource>().Endpoints).ToList();
        Assert.All(endpoints.Where(e => e.Method is "POST" or "PUT" or "PATCH" or "DELETE"), e =>
            Assert.True(e.Endpoint.Metadata.GetMetadata<AuditMetadata>() is not null, $"{e.Method} {e.Path} declares no audit"));
        Assert.Equal(HandlerAudited, endpoints.Where(e => e.Endpoint.Metadata.GetMetadata<AuditMetadata>()?.Mode == AuditMode.ByHandler)
            .Select(e => $"{e.Method} {e.Path}").Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Every_create_update_and_delete_writes_an_entry_and_lookups_write_none()
    {
        await using var host = await ApiHost.StartAsync();
        var endpoints = PermissionDocument.Describe(host.App.Services.GetRequiredService<EndpointDataSource>().Endpoints).ToList();
        var admin = host.ClientFor("admin");
        var wrong = new List<string>();
        foreach (var endpoint in EndpointCatalog.All)
        {
            var audit = endpoints.Single(e => e.Method == endpoint.Method && e.Path == endpoint.Path).Endpoint.Metadata.GetMetadata<AuditMetadata>();
            if (audit is null || audit.Mode == AuditMode.ByHandler) continue;
            var before = (await host.Store.Audit.ReadAsync(0, 100_000)).Count;
            using var response = await admin.SendAsync(await endpoint.Build(host, "admin"));
            var added = (await host.Store.Audit.ReadAsync(before, 100)).ToList();
            var succeeded = response.IsSuccessStatusCode;
            if (audit.Mode == AuditMode.ReadOnly && added.Count != 0) wrong.Add($"{endpoint}: a lookup wrote {added.Count} entries");
            if (audit.Mode == AuditMode.ByFilter && !added.Any(e => e.Actor == "user:admin" && e.TargetType == audit.TargetType
                && e.Outcome == (succeeded ? "success" : "failure") && e.Action is "created" or "updated" or "deleted"))
                wrong.Add($"{endpoint}: no {audit.TargetType} entry among [{string.Join("; ", added.Select(e => $"{e.Action} {e.TargetType}"))}]");
        }
        Assert.True(wrong.Count == 0, string.Join("\n", wrong));
    }

    [Fact]
    public async Task Entries_name_the_target_the_change_and_failed_attempts()
    {
        await using var host = await ApiHost.StartAsync();
        var admin = host.ClientFor("admin");
        var created = await (await admin.PostJsonAsync("/api/v1/users", new { username = "newbie", password = ApiWorld.Password, roles = new[] { "agent" } })).ReadAsync();
        var id = created.GetProperty("id").GetInt64().ToString(System.Globalization.CultureInfo.InvariantCulture);
        await admin.SendJsonAsync(HttpMethod.Patch, $"/api/v1/users/{id}", new { roles = new[] { "supervisor", "agent" }, disabled = true });
        await admin.DeleteAsync($"/api/v1/users/{id}");
        await admin.PostJsonAsync("/api/v1/teams", new { name = "A" });

        var entries = await host.Store.Audit.ReadAsync(0, 10_000);
        Assert.Contains(entries, e => (e.Action, e.TargetType, e.TargetId, e.Detail) == ("created", "user", id, "roles: agent"));
        Assert.Contains(entries, e => (e.Action, e.TargetType, e.TargetId, e.Detail) == ("updated", "user", id, "roles: supervisor,agent; disabled"));
        Assert.Contains(entries, e => (e.Action, e.TargetType, e.TargetId) == ("deleted", "user", id));
        Assert.Contains(entries, e => (e.Action, e.Outcome, e.TargetType, e.Detail) == ("created", "failure", "team", "answered 409"));
    }

    [Fact]
    public async Task Denials_exports_and_playback_are_audited()
    {
        await using var host = await ApiHost.StartAsync();
        await host.ClientFor("agent").GetAsync("/api/v1/users");
        await host.ClientFor("campaign_manager").GetStringAsync("/api/v1/calls/export");
        var range = new HttpRequestMessage(HttpMethod.Get, $"/api/v1/recordings/{host.World.Recording}/audio");
        range.Headers.Range = new System.Net.Http.Headers.RangeHeaderValue(100, 199);
        await host.ClientFor("quality_auditor").SendAsync(range);

        var entries = await host.Store.Audit.ReadAsync(0, 10_000);
        Assert.Contains(entries, e => (e.Actor, e.Action, e.Outcome, e.TargetId, e.Detail)
            == ("user:agent", "permission_denied", "denied", "GET /api/v1/users", "needs users.read"));
        Assert.Contains(entries, e => (e.Actor, e.Action, e.Detail) == ("user:campaign_manager", "exported", "3 calls as CSV"));
        var recording = host.World.Recording.ToString(System.Globalization.CultureInfo.InvariantCulture);
        Assert.Contains(entries, e => (e.Actor, e.Action, e.TargetType, e.TargetId, e.Detail)
            == ("user:quality_auditor", "recording_played", "recording", recording, $"call {host.World.CurrentCall}, bytes=100-199"));
        Assert.True((await (await host.ClientFor("readonly_auditor").GetAsync("/api/v1/audit/verification")).ReadAsync()).GetProperty("intact").GetBoolean());
    }

    [Fact]
    public async Task An_unhandled_exception_is_a_500_problem_logged_and_audited_without_its_message()
    {
        await using var host = await ApiHost.StartAsync(extraEndpoints: app => app.MapGet("/api/v1/boom",
                (Func<string>)(() => throw new InvalidOperationException("failed for +8613812345678")))
            .RequirePermission(Permission.SessionSelf));
        var response = await host.ClientFor("agent").GetAsync("/api/v1/boom");
        var problem = await response.ProblemAsync(HttpStatusCode.InternalServerError, "internal_error");
        var trace = problem.GetProperty("traceId").GetString()!;
        Assert.DoesNotContain("8613812345678", problem.GetRawText(), StringComparison.Ordinal);

        var entry = (await host.Store.Audit.ReadAsync(0, 10_000)).Single(e => e.Action == "unhandled_exception");
        Assert.Equal(("user:agent", "GET /api/v1/boom", $"System.InvalidOperationException (trace {trace})"), (entry.Actor, entry.TargetId, entry.Detail));
        Assert.Contains(host.Logs.Lines, line => line.StartsWith("Error", StringComparison.Ordinal) && line.Contains(trace, StringComparison.Ordinal));
    }
}
