using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;

namespace Huawu.LoadTests.Node;

/// <summary>
/// The node's REST API as an administrator uses it (docs/api.md): signed in with a session (its cookie and CSRF token by hand — the
/// cookie is <c>__Host-</c>/Secure, which a cookie container keeps off plain http to 127.0.0.1), then settings and campaigns.
/// </summary>
internal sealed class NodeApi : IDisposable
{
    private readonly HttpClient _http;

    private NodeApi(HttpClient http) => _http = http;

    public static async Task<NodeApi> SignInAsync(Uri address, string username, string password, CancellationToken cancellationToken)
    {
        var http = new HttpClient { BaseAddress = address };
        try
        {
            using var response = await http.PostAsJsonAsync(new Uri("/api/v1/session", UriKind.Relative), new { username, password }, cancellationToken);
            var body = await ReadAsync(response, cancellationToken);
            http.DefaultRequestHeaders.Add("Cookie", response.Headers.GetValues("Set-Cookie").Single().Split(';')[0]);
            http.DefaultRequestHeaders.Add("X-CSRF-Token", body.GetProperty("csrfToken").GetString());
            return new NodeApi(http);
        }
        catch
        {
            http.Dispose();
            throw;
        }
    }

    /// <summary><c>PUT /api/v1/settings/{key}</c>.</summary>
    public async Task SetAsync(string key, string value, CancellationToken cancellationToken)
    {
        using var response = await _http.PutAsJsonAsync(new Uri("/api/v1/settings/" + key, UriKind.Relative), new { value }, cancellationToken);
        await ReadAsync(response, cancellationToken);
    }

    /// <summary><c>POST /api/v1/campaigns/{id}/start</c>: every node's dialer follows within a second.</summary>
    public async Task StartCampaignAsync(long id, CancellationToken cancellationToken)
    {
        using var response = await _http.PostAsync(new Uri($"/api/v1/campaigns/{Invariant(id)}/start", UriKind.Relative), null, cancellationToken);
        await ReadAsync(response, cancellationToken);
    }

    /// <summary><c>GET /api/v1/campaigns/{id}</c>: the campaign, its rules and its progress.</summary>
    public async Task<CampaignProgress> CampaignAsync(long id, CancellationToken cancellationToken)
    {
        using var response = await _http.GetAsync(new Uri($"/api/v1/campaigns/{Invariant(id)}", UriKind.Relative), cancellationToken);
        return CampaignProgress.From(await ReadAsync(response, cancellationToken));
    }

    /// <summary>Every item of a list (<c>GET {path}</c>), page by page at the API's largest page (docs/api.md: <c>limit</c>, <c>cursor</c>, <c>next</c>).</summary>
    public async Task<IReadOnlyList<JsonElement>> ListAsync(string path, CancellationToken cancellationToken)
    {
        const int Limit = 200;
        var items = new List<JsonElement>();
        string? cursor = null;
        do
        {
            var query = $"{path}?limit={Invariant(Limit)}" + (cursor is null ? "" : "&cursor=" + Uri.EscapeDataString(cursor));
            using var response = await _http.GetAsync(new Uri(query, UriKind.Relative), cancellationToken);
            var page = await ReadAsync(response, cancellationToken);
            items.AddRange(page.GetProperty("items").EnumerateArray());
            cursor = page.TryGetProperty("next", out var next) && next.ValueKind == JsonValueKind.String ? next.GetString() : null;
        }
        while (cursor is not null);
        return items;
    }

    public void Dispose() => _http.Dispose();

    private static async Task<JsonElement> ReadAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var text = await response.Content.ReadAsStringAsync(cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"{response.RequestMessage?.Method} {response.RequestMessage?.RequestUri}: {(int)response.StatusCode} {text}");
        }
        using var document = JsonDocument.Parse(text);
        return document.RootElement.Clone();
    }

    private static string Invariant(long value) => value.ToString(CultureInfo.InvariantCulture);
}
