using System.Net;
using System.Net.Http.Json;
using Huawu.ContactCenter.Campaigns;
using Huawu.Data.Accounts;
using Huawu.Data.Campaigns;
using Huawu.Data.Retention;

namespace Huawu.Server.Tests.Api.Support;

/// <summary>
/// One request per endpoint of the API, as a caller allowed to use it would make it (fresh targets where the request
/// changes something), and the answer such a caller gets. <see cref="All"/> must name every mapped endpoint: a test
/// compares it with the running API, so a new endpoint cannot go untested.
/// </summary>
internal static class EndpointCatalog
{
    private static int _unique;

    public static IReadOnlyList<EndpointCase> All { get; } =
    [
        Get("/healthz", HttpStatusCode.OK, _ => "/healthz"),
        Get("/readyz", HttpStatusCode.OK, _ => "/readyz"),
        Get("/api/v1/openapi.json", HttpStatusCode.OK, _ => "/api/v1/openapi.json"),

        New("POST", "/api/v1/session", HttpStatusCode.OK, (_, user) =>
            Body(HttpMethod.Post, "/api/v1/session", new { username = user, password = ApiWorld.Password })),
        Get("/api/v1/session", HttpStatusCode.OK, _ => "/api/v1/session"),
        // An API token has no session to end: the answer to a permitted caller is 400 not_a_session.
        New("DELETE", "/api/v1/session", HttpStatusCode.BadRequest, (_, _) => Plain(HttpMethod.Delete, "/api/v1/session")),
        New("PUT", "/api/v1/session/password", HttpStatusCode.NoContent, (_, _) =>
            Body(HttpMethod.Put, "/api/v1/session/password", new { currentPassword = ApiWorld.Password, newPassword = ApiWorld.Password })),
        New("POST", "/api/v1/session/totp", HttpStatusCode.OK, (_, _) => Plain(HttpMethod.Post, "/api/v1/session/totp")),
        New("POST", "/api/v1/session/totp/activation", HttpStatusCode.BadRequest, (_, _) =>
            Body(HttpMethod.Post, "/api/v1/session/totp/activation", new { code = "000000" })),
        New("POST", "/api/v1/session/totp/deactivation", HttpStatusCode.BadRequest, (_, _) =>
            Body(HttpMethod.Post, "/api/v1/session/totp/deactivation", new { code = "000000" })),

        Get("/api/v1/tokens", HttpStatusCode.OK, _ => "/api/v1/tokens"),
        New("POST", "/api/v1/tokens", HttpStatusCode.Created, (_, _) => Body(HttpMethod.Post, "/api/v1/tokens", new { name = "ci", expiresInDays = 7 })),
        New("DELETE", "/api/v1/tokens/{id:long}", HttpStatusCode.NoContent, async (host, user) =>
        {
            var token = await host.Store.ApiTokens.IssueAsync(host.World.User(user).Id, "doomed", null);
            return Plain(HttpMethod.Delete, $"/api/v1/tokens/{token.Value!.Token.Id}");
        }),

        Get("/api/v1/users", HttpStatusCode.OK, _ => "/api/v1/users"),
        Get("/api/v1/users/{id:long}", HttpStatusCode.OK, w => $"/api/v1/users/{w.User("agent").Id}"),
        New("POST", "/api/v1/users", HttpStatusCode.Created, (_, _) =>
            Body(HttpMethod.Post, "/api/v1/users", new { username = Unique("user"), password = ApiWorld.Password, roles = new[] { "agent" } })),
        New("PATCH", "/api/v1/users/{id:long}", HttpStatusCode.OK, async (host, _) =>
            Body(HttpMethod.Patch, $"/api/v1/users/{await FreshUserAsync(host)}", new { roles = new[] { "quality_auditor" } })),
        New("DELETE", "/api/v1/users/{id:long}", HttpStatusCode.NoContent, async (host, _) =>
            Plain(HttpMethod.Delete, $"/api/v1/users/{await FreshUserAsync(host)}")),

        Get("/api/v1/teams", HttpStatusCode.OK, _ => "/api/v1/teams"),
        Get("/api/v1/teams/{id:long}", HttpStatusCode.OK, w => $"/api/v1/teams/{w.TeamA}"),
        New("POST", "/api/v1/teams", HttpStatusCode.Created, (_, _) => Body(HttpMethod.Post, "/api/v1/teams", new { name = Unique("team") })),
        New("DELETE", "/api/v1/teams/{id:long}", HttpStatusCode.NoContent, async (host, _) =>
            Plain(HttpMethod.Delete, $"/api/v1/teams/{await FreshTeamAsync(host)}")),
        New("PUT", "/api/v1/teams/{id:long}/members/{userId:long}", HttpStatusCode.OK, async (host, _) =>
            Body(HttpMethod.Put, $"/api/v1/teams/{await FreshTeamAsync(host)}/members/{host.World.User("agent").Id}", new { isSupervisor = false })),
        New("DELETE", "/api/v1/teams/{id:long}/members/{userId:long}", HttpStatusCode.NoContent, async (host, _) =>
        {
            var team = await FreshTeamAsync(host);
            await host.Store.Teams.SetMemberAsync(team, host.World.User("agent").Id, false);
            return Plain(HttpMethod.Delete, $"/api/v1/teams/{team}/members/{host.World.User("agent").Id}");
        }),

        Get("/api/v1/contact-lists", HttpStatusCode.OK, _ => "/api/v1/contact-lists"),
        Get("/api/v1/contact-lists/{id:long}/contacts", HttpStatusCode.OK, w => $"/api/v1/contact-lists/{w.ListId}/contacts"),
        Get("/api/v1/contacts/{id:long}", HttpStatusCode.OK, w => $"/api/v1/contacts/{w.CustomerContact}"),

        Get("/api/v1/campaigns", HttpStatusCode.OK, _ => "/api/v1/campaigns"),
        New("POST", "/api/v1/campaigns", HttpStatusCode.Created, (host, _) =>
            Body(HttpMethod.Post, "/api/v1/campaigns", new { name = Unique("campaign"), lists = new[] { host.World.ListId }, trunks = new[] { ApiWorld.Trunk } })),
        New("GET", "/api/v1/campaigns/{id:long}", HttpStatusCode.OK, async (host, _) =>
            Plain(HttpMethod.Get, $"/api/v1/campaigns/{await FreshCampaignAsync(host, CampaignStatus.Draft)}")),
        New("GET", "/api/v1/campaigns/{id:long}/attempts", HttpStatusCode.OK, async (host, _) =>
            Plain(HttpMethod.Get, $"/api/v1/campaigns/{await FreshCampaignAsync(host, CampaignStatus.Draft)}/attempts")),
        New("GET", "/api/v1/campaigns/{id:long}/callbacks", HttpStatusCode.OK, async (host, _) =>
            Plain(HttpMethod.Get, $"/api/v1/campaigns/{await FreshCampaignAsync(host, CampaignStatus.Draft)}/callbacks")),
        New("POST", "/api/v1/campaigns/{id:long}/start", HttpStatusCode.OK, async (host, _) =>
            Plain(HttpMethod.Post, $"/api/v1/campaigns/{await FreshCampaignAsync(host, CampaignStatus.Draft)}/start")),
        New("POST", "/api/v1/campaigns/{id:long}/pause", HttpStatusCode.OK, async (host, _) =>
            Plain(HttpMethod.Post, $"/api/v1/campaigns/{await FreshCampaignAsync(host, CampaignStatus.Running)}/pause")),
        New("POST", "/api/v1/campaigns/{id:long}/resume", HttpStatusCode.OK, async (host, _) =>
            Plain(HttpMethod.Post, $"/api/v1/campaigns/{await FreshCampaignAsync(host, CampaignStatus.Paused)}/resume")),
        New("POST", "/api/v1/campaigns/{id:long}/stop", HttpStatusCode.OK, async (host, _) =>
            Plain(HttpMethod.Post, $"/api/v1/campaigns/{await FreshCampaignAsync(host, CampaignStatus.Running)}/stop")),
        Get("/api/v1/compliance/rules", HttpStatusCode.OK, _ => "/api/v1/compliance/rules"),

        Get("/api/v1/do-not-call", HttpStatusCode.OK, _ => "/api/v1/do-not-call"),
        New("POST", "/api/v1/do-not-call", HttpStatusCode.Created, (_, _) =>
            Body(HttpMethod.Post, "/api/v1/do-not-call", new { phone = UniquePhone(), reason = "asked" })),
        New("POST", "/api/v1/do-not-call/lookup", HttpStatusCode.OK, (_, _) =>
            Body(HttpMethod.Post, "/api/v1/do-not-call/lookup", new { phone = ApiWorld.ListedPhone })),
        New("POST", "/api/v1/do-not-call/removal", HttpStatusCode.NoContent, async (host, _) =>
        {
            var phone = UniquePhone();
            await host.Store.DoNotCall.AddAsync(phone, "asked", "test");
            return Body(HttpMethod.Post, "/api/v1/do-not-call/removal", new { phone });
        }),
        New("POST", "/api/v1/consents", HttpStatusCode.Created, (_, _) =>
            Body(HttpMethod.Post, "/api/v1/consents", new { phone = ApiWorld.CustomerPhone, purpose = "recording", granted = true })),
        New("POST", "/api/v1/consents/lookup", HttpStatusCode.OK, (_, _) =>
            Body(HttpMethod.Post, "/api/v1/consents/lookup", new { phone = ApiWorld.CustomerPhone })),

        Get("/api/v1/calls", HttpStatusCode.OK, _ => "/api/v1/calls"),
        Get("/api/v1/calls/export", HttpStatusCode.OK, _ => "/api/v1/calls/export"),
        Get("/api/v1/calls/{id:long}", HttpStatusCode.OK, w => $"/api/v1/calls/{w.CurrentCall}"),
        Get("/api/v1/calls/{id:long}/events", HttpStatusCode.OK, w => $"/api/v1/calls/{w.CurrentCall}/events"),
        Get("/api/v1/calls/{id:long}/legs", HttpStatusCode.OK, w => $"/api/v1/calls/{w.CurrentCall}/legs"),
        Get("/api/v1/calls/{id:long}/customer", HttpStatusCode.OK, w => $"/api/v1/calls/{w.CurrentCall}/customer"),
        Get("/api/v1/calls/{id:long}/recordings", HttpStatusCode.OK, w => $"/api/v1/calls/{w.CurrentCall}/recordings"),
        Get("/api/v1/calls/{id:long}/transcript", HttpStatusCode.OK, w => $"/api/v1/calls/{w.CurrentCall}/transcript"),
        Get("/api/v1/recordings/{id:long}", HttpStatusCode.OK, w => $"/api/v1/recordings/{w.Recording}"),
        Get("/api/v1/recordings/{id:long}/audio", HttpStatusCode.OK, w => $"/api/v1/recordings/{w.Recording}/audio"),

        Get("/api/v1/audit", HttpStatusCode.OK, _ => "/api/v1/audit"),
        Get("/api/v1/audit/verification", HttpStatusCode.OK, _ => "/api/v1/audit/verification"),
        Get("/api/v1/retention-policies", HttpStatusCode.OK, _ => "/api/v1/retention-policies"),
        New("PUT", "/api/v1/retention-policies/{dataClass}", HttpStatusCode.OK, (_, _) =>
            Body(HttpMethod.Put, "/api/v1/retention-policies/recordings", new { retainDays = 365 })),
        New("DELETE", "/api/v1/retention-policies/{dataClass}", HttpStatusCode.NoContent, async (host, _) =>
        {
            await host.Store.RetentionPolicies.SetAsync(RetentionClass.Transcripts, 30);
            return Plain(HttpMethod.Delete, "/api/v1/retention-policies/transcripts");
        }),
        Get("/api/v1/settings", HttpStatusCode.OK, _ => "/api/v1/settings"),
        New("GET", "/api/v1/settings/{key}", HttpStatusCode.OK, async (host, _) =>
        {
            await host.Store.Settings.SetAsync("dialer.pace", "2");
            return Plain(HttpMethod.Get, "/api/v1/settings/dialer.pace");
        }),
        New("PUT", "/api/v1/settings/{key}", HttpStatusCode.OK, (_, _) => Body(HttpMethod.Put, "/api/v1/settings/dialer.pace", new { value = "3" })),
        New("DELETE", "/api/v1/settings/{key}", HttpStatusCode.NoContent, async (host, _) =>
        {
            var key = Unique("key").ToLowerInvariant();
            await host.Store.Settings.SetAsync(key, "x");
            return Plain(HttpMethod.Delete, $"/api/v1/settings/{key}");
        }),
        // A plain GET (no WebSocket upgrade) by a permitted caller is told to upgrade.
        Get("/api/v1/events", HttpStatusCode.BadRequest, _ => "/api/v1/events"),
    ];

    public static string Unique(string prefix) => $"{prefix}_{Interlocked.Increment(ref _unique)}";

    public static string UniquePhone() => "+86139" + (10_000_000 + Interlocked.Increment(ref _unique)).ToString(System.Globalization.CultureInfo.InvariantCulture);

    private static EndpointCase Get(string path, HttpStatusCode allowed, Func<ApiWorld, string> url) =>
        new("GET", path, allowed, (host, _) => Task.FromResult(Plain(HttpMethod.Get, url(host.World))));

    private static EndpointCase New(string method, string path, HttpStatusCode allowed, Func<ApiHost, string, Task<HttpRequestMessage>> build) =>
        new(method, path, allowed, build);

    private static EndpointCase New(string method, string path, HttpStatusCode allowed, Func<ApiHost, string, HttpRequestMessage> build) =>
        new(method, path, allowed, (host, user) => Task.FromResult(build(host, user)));

    private static HttpRequestMessage Plain(HttpMethod method, string url) => new(method, url);

    private static HttpRequestMessage Body(HttpMethod method, string url, object body) => new(method, url) { Content = JsonContent.Create(body) };

    private static async Task<long> FreshUserAsync(ApiHost host) =>
        (await host.Store.Users.CreateAsync(new NewUser(Unique("fresh"), "Fresh", "hash", [Role.Agent]))).Value!.Id;

    private static async Task<long> FreshCampaignAsync(ApiHost host, string status)
    {
        var campaign = (await host.Store.Campaigns.CreateAsync(new NewCampaign(Unique("campaign"), [host.World.ListId])
        {
            Settings = new CampaignSettings { Trunks = [ApiWorld.Trunk] }.ToJson(),
        })).Value!;
        await host.Store.Campaigns.SetStatusAsync(campaign.Id, status);
        return campaign.Id;
    }

    private static async Task<long> FreshTeamAsync(ApiHost host) => (await host.Store.Teams.CreateAsync(Unique("team"))).Value!.Id;
}

/// <summary>One endpoint: its method and path pattern, the answer a permitted caller gets, and how to make its request.</summary>
internal sealed record EndpointCase(string Method, string Path, HttpStatusCode Allowed, Func<ApiHost, string, Task<HttpRequestMessage>> Build)
{
    public override string ToString() => $"{Method} {Path}";
}
