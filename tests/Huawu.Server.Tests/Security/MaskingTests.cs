using System.Net;
using System.Text.Json;
using Huawu.Server.Tests.Api.Support;

namespace Huawu.Server.Tests.Security;

/// <summary>Personal data in responses, exports, audit entries and logs: whole or masked by the caller's roles (138****5678).</summary>
public sealed class MaskingTests
{
    [Theory]
    [InlineData("admin", ApiWorld.CustomerPhone, ApiWorld.CustomerName, ApiWorld.CustomerIdNumber, "prefers mornings", "1200")]
    [InlineData("campaign_manager", "138****5678", ApiWorld.CustomerName, "110***********4514", "prefers mornings", "1200")]
    [InlineData("readonly_auditor", "138****5678", "张*", "110***********4514", "****", "****")]
    public async Task A_contact_reads_whole_or_masked_by_role(string user, string phone, string name, string idNumber, string notes, string amount)
    {
        await using var host = await ApiHost.StartAsync();
        var contact = await (await host.ClientFor(user).GetAsync($"/api/v1/contacts/{host.World.CustomerContact}")).ReadAsync();
        Assert.Equal(phone, contact.GetProperty("phone").GetString());
        Assert.Equal(name, contact.GetProperty("name").GetString());
        Assert.Equal(idNumber, contact.GetProperty("idNumber").GetString());
        Assert.Equal(notes, contact.GetProperty("notes").GetString());
        Assert.Equal(amount, contact.GetProperty("attributes").GetProperty("amount_due").GetString());
    }

    [Theory]
    [InlineData("admin", ApiWorld.CustomerPhone, ApiWorld.SpokenText)]
    [InlineData("supervisor", "138****5678", ApiWorld.SpokenText)]
    [InlineData("agent", "138****5678", ApiWorld.SpokenText)]
    [InlineData("quality_auditor", "138****5678", ApiWorld.SpokenText)]
    [InlineData("readonly_auditor", "138****5678", "****")]
    public async Task Calls_legs_and_transcripts_mask_by_role(string user, string phone, string text)
    {
        await using var host = await ApiHost.StartAsync();
        var client = host.ClientFor(user);
        var call = await (await client.GetAsync($"/api/v1/calls/{host.World.CurrentCall}")).ReadAsync();
        Assert.Equal(phone, call.GetProperty("customerPhone").GetString());
        var leg = (await (await client.GetAsync($"/api/v1/calls/{host.World.CurrentCall}/legs")).ReadAsync()).GetProperty("items")[0];
        Assert.Equal(phone, leg.GetProperty("party").GetString());
        var segment = (await (await client.GetAsync($"/api/v1/calls/{host.World.CurrentCall}/transcript")).ReadAsync()).GetProperty("items")[0];
        Assert.Equal(text, segment.GetProperty("text").GetString());
    }

    [Fact]
    public async Task Exports_mask_like_the_api()
    {
        await using var host = await ApiHost.StartAsync();
        var masked = await host.ClientFor("campaign_manager").GetStringAsync("/api/v1/calls/export");
        Assert.Contains(",138****5678,", masked, StringComparison.Ordinal);
        Assert.DoesNotContain("13812345678", masked, StringComparison.Ordinal);
        // A number shown whole starts with '+': it is defused so a spreadsheet does not read it as a formula.
        Assert.Contains(",'+8613812345678,", await host.ClientFor("admin").GetStringAsync("/api/v1/calls/export"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Audit_entries_and_logs_never_carry_a_whole_number()
    {
        await using var host = await ApiHost.StartAsync();
        var admin = host.ClientFor("admin");
        Assert.Equal(HttpStatusCode.Created, (await admin.PostJsonAsync("/api/v1/do-not-call", new { phone = "13812345678", reason = "asked" })).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await admin.PostJsonAsync("/api/v1/consents",
            new { phone = "138 1234 5678", purpose = "marketing", granted = false })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await admin.PostJsonAsync("/api/v1/do-not-call/lookup", new { phone = "+86 138-1234-5678" })).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await admin.PostJsonAsync("/api/v1/do-not-call/removal", new { phone = "13812345678" })).StatusCode);
        await admin.GetStringAsync($"/api/v1/contacts/{host.World.CustomerContact}");

        var audit = JsonSerializer.Serialize(await host.Store.Audit.ReadAsync(0, 10_000));
        Assert.Contains("138****5678", audit, StringComparison.Ordinal);
        Assert.DoesNotContain("12345678", audit, StringComparison.Ordinal);
        Assert.DoesNotContain(host.Logs.Lines, line => line.Contains("12345678", StringComparison.Ordinal) || line.Contains("1234-5678", StringComparison.Ordinal));
        Assert.NotEmpty(host.Logs.Lines);
    }
}
