using System.Net;
using System.Text;
using Huawu.Server.Tests.Api.Support;

namespace Huawu.Server.Tests.Api;

/// <summary>Pagination on lists, RFC 9457 problem documents for every failure, and field errors for bad input.</summary>
public sealed class PagingAndProblemTests
{
    [Fact]
    public async Task Pages_walk_a_list_without_gaps_or_repeats_and_the_last_has_no_next()
    {
        await using var host = await ApiHost.StartAsync();
        var client = host.ClientFor("readonly_auditor");
        var seen = new List<long>();
        var url = "/api/v1/users?limit=3";
        var pages = 0;
        while (true)
        {
            var page = await (await client.GetAsync(url)).ReadAsync();
            seen.AddRange(page.GetProperty("items").EnumerateArray().Select(u => u.GetProperty("id").GetInt64()));
            pages++;
            if (page.GetProperty("next").GetString() is not { } next) break;
            url = "/api/v1/users?limit=3&cursor=" + Uri.EscapeDataString(next);
        }
        Assert.Equal(3, pages);
        Assert.Equal((await host.Store.Users.ListAsync()).Select(u => u.Id), seen);
    }

    [Fact]
    public async Task Calls_page_newest_first()
    {
        await using var host = await ApiHost.StartAsync();
        var client = host.ClientFor("admin");
        var first = await (await client.GetAsync("/api/v1/calls?limit=2")).ReadAsync();
        var second = await (await client.GetAsync("/api/v1/calls?limit=2&cursor=" + first.GetProperty("next").GetString())).ReadAsync();
        var ids = first.GetProperty("items").EnumerateArray().Concat(second.GetProperty("items").EnumerateArray()).Select(c => c.GetProperty("id").GetInt64());
        Assert.Equal(new[] { host.World.CurrentCall, host.World.OtherTeamCall, host.World.QueuedCall }.OrderDescending(), ids);
        Assert.Equal(System.Text.Json.JsonValueKind.Null, second.GetProperty("next").ValueKind);
    }

    [Theory]
    [InlineData("limit=0", "limit")]
    [InlineData("limit=201", "limit")]
    [InlineData("limit=ten", "limit")]
    [InlineData("cursor=abc", "cursor")]
    [InlineData("cursor=azotMQ", "cursor")] // base64url of "k:-1": well-formed, but no key this API hands out
    public async Task Bad_paging_parameters_are_field_errors(string query, string field)
    {
        await using var host = await ApiHost.StartAsync();
        var problem = await (await host.ClientFor("admin").GetAsync("/api/v1/calls?" + query)).ProblemAsync(HttpStatusCode.BadRequest, "invalid_input");
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out var messages));
        Assert.NotEmpty(messages.EnumerateArray());
    }

    [Fact]
    public async Task Validation_names_every_bad_field_at_once()
    {
        await using var host = await ApiHost.StartAsync();
        var problem = await (await host.ClientFor("admin").PostJsonAsync("/api/v1/users",
            new { username = "", password = "short", roles = new[] { "root" }, displayName = "a\u0000b" })).ProblemAsync(HttpStatusCode.BadRequest, "invalid_input");
        var errors = problem.GetProperty("errors");
        Assert.Equal(["displayName", "password", "roles", "username"], errors.EnumerateObject().Select(e => e.Name).Order(StringComparer.Ordinal));
        Assert.Contains("'root' is not one of", errors.GetProperty("roles")[0].GetString(), StringComparison.Ordinal);
        var setting = await (await host.ClientFor("admin").SendJsonAsync(HttpMethod.Put, "/api/v1/settings/greeting", new { value = "a\u0000b" }))
            .ProblemAsync(HttpStatusCode.BadRequest, "invalid_input");
        Assert.True(setting.GetProperty("errors").TryGetProperty("value", out _));
    }

    [Fact]
    public async Task Framework_failures_are_problems_too()
    {
        await using var host = await ApiHost.StartAsync();
        var admin = host.ClientFor("admin");
        await (await admin.GetAsync("/api/v1/nothing/here")).ProblemAsync(HttpStatusCode.NotFound, "not_found");
        await (await admin.PutAsync("/api/v1/calls", null)).ProblemAsync(HttpStatusCode.MethodNotAllowed, "method_not_allowed");
        await (await admin.PostAsync("/api/v1/teams", new StringContent("{not json", Encoding.UTF8, "application/json")))
            .ProblemAsync(HttpStatusCode.BadRequest, "bad_request");
        await (await admin.PostAsync("/api/v1/teams", new StringContent("name=x", Encoding.UTF8, "application/x-www-form-urlencoded")))
            .ProblemAsync(HttpStatusCode.UnsupportedMediaType, "unsupported_media_type");
        await (await admin.PostJsonAsync("/api/v1/teams", new { name = "A" })).ProblemAsync(HttpStatusCode.Conflict, "duplicate");
        await (await admin.GetAsync("/api/v1/users/999")).ProblemAsync(HttpStatusCode.NotFound, "not_found");
    }

    [Fact]
    public async Task Api_answers_are_not_cached_or_sniffed()
    {
        await using var host = await ApiHost.StartAsync();
        var response = await host.ClientFor("admin").GetAsync($"/api/v1/contacts/{host.World.CustomerContact}");
        Assert.True(response.Headers.CacheControl!.NoStore);
        Assert.Equal("nosniff", Assert.Single(response.Headers.GetValues("X-Content-Type-Options")));
    }
}
