using System.Net;
using Huawu.Data.Campaigns;
using Huawu.Server.Tests.Api.Support;

namespace Huawu.Server.Tests.Api;

/// <summary><c>/api/v1/campaigns</c> and <c>/api/v1/compliance/rules</c> as a campaign manager uses them.</summary>
public sealed class CampaignApiTests
{
    [Fact]
    public async Task A_campaign_is_created_with_its_rules_started_once_and_reports_its_numbers()
    {
        await using var host = await ApiHost.StartAsync();
        var client = host.ClientFor("campaign_manager");
        var created = await client.PostJsonAsync("/api/v1/campaigns", new
        {
            name = "overdue-march",
            lists = new[] { host.World.ListId },
            trunks = new[] { ApiWorld.Trunk },
            callerIds = new[] { "+862161234567" },
            purpose = "service",
            schedule = new { windows = "mon-fri 09:00-12:00,14:00-20:00", holidays = "cn", timeZone = "Asia/Shanghai" },
            limits = new { maxConcurrent = 5, callsPerSecondPerTrunk = 2.5 },
            retries = new { busy = new { delaySeconds = 120, maxAttempts = 4 } },
            priority = 7,
        });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var id = (await created.ReadAsync()).GetProperty("id").GetInt64();

        var detail = await (await client.GetAsync($"/api/v1/campaigns/{id}")).ReadAsync();
        Assert.Equal("draft", detail.GetProperty("campaign").GetProperty("status").GetString());
        var settings = detail.GetProperty("settings");
        Assert.Equal("mon-fri 09:00-12:00,14:00-20:00", settings.GetProperty("schedule").GetProperty("windows").GetString());
        Assert.Equal((5, 2.5), (settings.GetProperty("limits").GetProperty("maxConcurrent").GetInt32(), settings.GetProperty("limits").GetProperty("callsPerSecondPerTrunk").GetDouble()));
        Assert.Equal((120, 4), (settings.GetProperty("retries").GetProperty("busy").GetProperty("delaySeconds").GetInt32(),
            settings.GetProperty("retries").GetProperty("busy").GetProperty("maxAttempts").GetInt32()));
        Assert.Equal(1800, settings.GetProperty("retries").GetProperty("noAnswer").GetProperty("delaySeconds").GetInt32()); // a default

        var started = await (await client.PostAsync($"/api/v1/campaigns/{id}/start", null)).ReadAsync();
        Assert.Equal("running", started.GetProperty("status").GetString());
        await (await client.PostAsync($"/api/v1/campaigns/{id}/start", null)).ProblemAsync(HttpStatusCode.Conflict, "campaign_status");
        await (await client.PostAsync($"/api/v1/campaigns/{id}/resume", null)).ProblemAsync(HttpStatusCode.Conflict, "campaign_status");
        var progress = (await (await client.GetAsync($"/api/v1/campaigns/{id}")).ReadAsync()).GetProperty("progress");
        long numbers = (await host.Store.Contacts.PageAsync(host.World.ListId, 0, 100)).Count;
        Assert.True(numbers > 0);
        Assert.Equal((numbers, numbers, 0L), (progress.GetProperty("pending").GetInt64(), progress.GetProperty("due").GetInt64(), progress.GetProperty("done").GetInt64()));
        Assert.Equal("paused", (await (await client.PostAsync($"/api/v1/campaigns/{id}/pause", null)).ReadAsync()).GetProperty("status").GetString());
        Assert.Equal("stopped", (await (await client.PostAsync($"/api/v1/campaigns/{id}/stop", null)).ReadAsync()).GetProperty("status").GetString());
        await (await client.PostAsync("/api/v1/campaigns/999/start", null)).ProblemAsync(HttpStatusCode.NotFound, "not_found");
        Assert.Empty((await (await client.GetAsync($"/api/v1/campaigns/{id}/attempts")).ReadAsync()).GetProperty("items").EnumerateArray());
    }

    [Fact]
    public async Task Bad_rules_are_field_errors_named_as_the_api_spells_them()
    {
        await using var host = await ApiHost.StartAsync();
        var response = await host.ClientFor("campaign_manager").PostJsonAsync("/api/v1/campaigns", new
        {
            name = "bad",
            lists = new[] { host.World.ListId },
            trunks = new[] { "nowhere" },
            schedule = new { windows = "weekdays", timeZone = "Mars/Olympus" },
            limits = new { maxConcurrent = 0 },
            prompt = "../../etc/passwd",
        });
        var problem = await response.ProblemAsync(HttpStatusCode.BadRequest, "invalid_input");
        Assert.Equal(["prompt"], problem.GetProperty("errors").EnumerateObject().Select(e => e.Name));
        var second = await host.ClientFor("campaign_manager").PostJsonAsync("/api/v1/campaigns", new
        {
            name = "bad", lists = new[] { host.World.ListId }, trunks = new[] { "nowhere" }, schedule = new { windows = "weekdays", timeZone = "Mars/Olympus" },
            limits = new { maxConcurrent = 0 },
        });
        var fields = (await second.ProblemAsync(HttpStatusCode.BadRequest, "invalid_input")).GetProperty("errors").EnumerateObject().Select(e => e.Name).Order();
        Assert.Equal(["limits.maxConcurrent", "schedule.timeZone", "schedule.windows", "trunks"], fields);
        Assert.Empty(await host.Store.Campaigns.ListAsync());
    }

    [Fact]
    public async Task A_campaigns_callback_rules_and_the_callbacks_it_promised_are_shown_without_the_numbers()
    {
        await using var host = await ApiHost.StartAsync();
        var client = host.ClientFor("campaign_manager");
        var created = await client.PostJsonAsync("/api/v1/campaigns", new
        {
            name = "callbacks", lists = new[] { host.World.ListId }, trunks = new[] { ApiWorld.Trunk },
            callbacks = new { outcomes = new[] { "busy", "call_later" }, delaySeconds = 3600 },
        });
        var id = (await created.ReadAsync()).GetProperty("id").GetInt64();
        var rules = (await (await client.GetAsync($"/api/v1/campaigns/{id}")).ReadAsync()).GetProperty("settings").GetProperty("callbacks");
        Assert.Equal((3600, 2), (rules.GetProperty("delaySeconds").GetInt32(), rules.GetProperty("maxCallbacks").GetInt32())); // 2: the default
        Assert.Equal(["busy", "call_later"], rules.GetProperty("outcomes").EnumerateArray().Select(o => o.GetString()));
        Assert.Empty((await (await client.GetAsync($"/api/v1/campaigns/{id}/callbacks")).ReadAsync()).EnumerateArray());

        // The dialer's settlement of an answered call that ended "call_later": promised an hour on.
        await client.PostAsync($"/api/v1/campaigns/{id}/start", null);
        var claimed = (await host.Store.CampaignQueue.ClaimDueAsync(id, host.Time.GetUtcNow(), 1, "node-a"))[0];
        var attempt = (await host.Store.Attempts.BeginAsync(id, claimed.ContactId)).Value!;
        var promised = host.Time.GetUtcNow().AddHours(1);
        Assert.True(await host.Store.CampaignQueue.SettleAsync(id, claimed.ContactId,
            new AttemptSettlement(new QueueRelease(QueueState.Pending, promised, "callback", CountsAsAttempt: true) { CallbackAt = promised })
            {
                AttemptId = attempt.Id, End = new AttemptEnd("answered", "callback", CallbackAt: promised),
            }));

        var listed = (await (await client.GetAsync($"/api/v1/campaigns/{id}/callbacks")).ReadAsync()).EnumerateArray().Single();
        Assert.Equal((claimed.ContactId, promised, 1), (listed.GetProperty("contactId").GetInt64(), listed.GetProperty("callbackAt").GetDateTimeOffset(),
            listed.GetProperty("callbacks").GetInt32()));
        Assert.False(listed.TryGetProperty("phone", out _));
        var ended = (await (await client.GetAsync($"/api/v1/campaigns/{id}/attempts")).ReadAsync()).GetProperty("items").EnumerateArray().Single();
        Assert.Equal(("callback", promised), (ended.GetProperty("disposition").GetString(), ended.GetProperty("callbackAt").GetDateTimeOffset()));
        await (await client.GetAsync("/api/v1/campaigns/999/callbacks")).ProblemAsync(HttpStatusCode.NotFound, "not_found");

        // The dialer's own outcomes are no conversation's: they cannot promise a callback; nor can a delay under a minute.
        var bad = await client.PostJsonAsync("/api/v1/campaigns", new
        {
            name = "bad-callbacks", lists = new[] { host.World.ListId }, trunks = new[] { ApiWorld.Trunk },
            callbacks = new { outcomes = new[] { "busy", "no_answer" }, delaySeconds = 5, maxCallbacks = 11 },
        });
        Assert.Equal(["callbacks.delaySeconds", "callbacks.maxCallbacks", "callbacks.outcomes"],
            (await bad.ProblemAsync(HttpStatusCode.BadRequest, "invalid_input")).GetProperty("errors").EnumerateObject().Select(e => e.Name).Order());
    }

    [Fact]
    public async Task The_rules_in_force_show_the_tenants_changes_and_the_settings_it_ignored()
    {
        await using var host = await ApiHost.StartAsync();
        var admin = host.ClientFor("admin");
        Assert.Equal(HttpStatusCode.OK, (await admin.SendJsonAsync(HttpMethod.Put, "/api/v1/settings/compliance.cn.cap_24h", new { value = "3" })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await admin.SendJsonAsync(HttpMethod.Put, "/api/v1/settings/compliance.us.windows", new { value = "9 to 5" })).StatusCode);

        var rules = await (await host.ClientFor("readonly_auditor").GetAsync("/api/v1/compliance/rules")).ReadAsync();

        var cn = rules.GetProperty("presets").EnumerateArray().Single(p => p.GetProperty("preset").GetString() == "cn").GetProperty("settings");
        Assert.Equal(("3", "3", "daily 08:00-21:00"), (cn.GetProperty("compliance.cn.cap_24h").GetString(), cn.GetProperty("compliance.cn.cap_5m").GetString(),
            cn.GetProperty("compliance.cn.windows").GetString()));
        var us = rules.GetProperty("presets").EnumerateArray().Single(p => p.GetProperty("preset").GetString() == "us").GetProperty("settings");
        Assert.Equal("daily 08:00-21:00", us.GetProperty("compliance.us.windows").GetString());
        Assert.Contains("compliance.us.windows", Assert.Single(rules.GetProperty("problems").EnumerateArray()).GetString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, (await host.ClientFor("agent").GetAsync("/api/v1/compliance/rules")).StatusCode);
    }
}
