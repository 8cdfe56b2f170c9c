using System.Globalization;
using System.Text.Json;
using Huawu.Data.Calls;
using Huawu.Server.Tests.Api.Support;

namespace Huawu.Server.Tests.Api;

/// <summary>How a call and its legs went, as the call endpoints and the export show it (within the caller's reach, as before).</summary>
public sealed class CallOutcomeTests
{
    [Fact]
    public async Task A_call_and_its_legs_show_trunk_who_hung_up_sip_status_and_ring_and_talk_time()
    {
        await using var host = await ApiHost.StartAsync();
        var start = host.Time.GetUtcNow();
        await EndCurrentCallAsync(host, start);
        var client = host.ClientFor("supervisor");

        var call = await (await client.GetAsync($"/api/v1/calls/{host.World.CurrentCall}")).ReadAsync();
        Assert.Equal(("carrier", "NormalClearing", "remote", 4.5, 30.25), (call.GetProperty("trunk").GetString(), call.GetProperty("hangupCause").GetString(),
            call.GetProperty("hangupSide").GetString(), call.GetProperty("ringSeconds").GetDouble(), call.GetProperty("talkSeconds").GetDouble()));
        Assert.Equal(JsonValueKind.Null, call.GetProperty("sipStatus").ValueKind);

        var leg = (await (await client.GetAsync($"/api/v1/calls/{host.World.CurrentCall}/legs")).ReadAsync()).GetProperty("items")[0];
        Assert.Equal(("carrier", start.AddMilliseconds(4_500), "remote", JsonValueKind.Null), (leg.GetProperty("trunk").GetString(),
            leg.GetProperty("answeredAt").GetDateTimeOffset(), leg.GetProperty("hangupSide").GetString(), leg.GetProperty("sipStatus").ValueKind));

        // A call recorded without them (as before schema 3) shows nulls, not zeros.
        var other = await (await host.ClientFor("admin").GetAsync($"/api/v1/calls/{host.World.OtherTeamCall}")).ReadAsync();
        Assert.All(["hangupSide", "sipStatus", "ringSeconds", "talkSeconds"], name => Assert.Equal(JsonValueKind.Null, other.GetProperty(name).ValueKind));
    }

    [Fact]
    public async Task A_call_never_connected_shows_its_final_sip_status()
    {
        await using var host = await ApiHost.StartAsync();
        await host.Store.Calls.EndAsync(host.World.QueuedCall, new CallEnd(host.Time.GetUtcNow(), "UserBusy")
        {
            HangupSide = CallSide.Local, SipStatus = 486, RingDuration = TimeSpan.FromSeconds(2), TalkDuration = TimeSpan.Zero,
        });
        var call = await (await host.ClientFor("supervisor").GetAsync($"/api/v1/calls/{host.World.QueuedCall}")).ReadAsync();
        Assert.Equal(("local", 486, 0.0), (call.GetProperty("hangupSide").GetString(), call.GetProperty("sipStatus").GetInt32(),
            call.GetProperty("talkSeconds").GetDouble()));
    }

    [Fact]
    public async Task The_export_carries_them_as_columns()
    {
        await using var host = await ApiHost.StartAsync();
        await EndCurrentCallAsync(host, host.Time.GetUtcNow());

        var lines = (await host.ClientFor("supervisor").GetStringAsync("/api/v1/calls/export")).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        var header = lines[0].Split(',');
        var row = lines.Skip(1).Select(l => l.Split(',')).Single(r => r[0] == host.World.CurrentCall.ToString(CultureInfo.InvariantCulture));
        string Cell(string column) => row[Array.IndexOf(header, column)];
        Assert.Equal(("carrier", "NormalClearing", "remote", "", "4.5", "30.25"),
            (Cell("trunk"), Cell("hangup_cause"), Cell("hangup_side"), Cell("sip_status"), Cell("ring_seconds"), Cell("talk_seconds")));
    }

    /// <summary>The world's current call (its leg came in by the carrier trunk): answered after 4.5 s, the customer hung up after 30.25 s of talk.</summary>
    private static async Task EndCurrentCallAsync(ApiHost host, DateTimeOffset start)
    {
        var leg = Assert.Single(await host.Store.Calls.LegsAsync(host.World.CurrentCall));
        Assert.True(await host.Store.Calls.MarkLegAnsweredAsync(leg.Id, start.AddMilliseconds(4_500)));
        Assert.True(await host.Store.Calls.EndLegAsync(leg.Id, new LegEnd(start.AddMilliseconds(34_750), "NormalClearing") { HangupSide = CallSide.Remote }));
        Assert.True(await host.Store.Calls.EndAsync(host.World.CurrentCall, new CallEnd(start.AddMilliseconds(34_750), "NormalClearing")
        {
            HangupSide = CallSide.Remote, RingDuration = TimeSpan.FromMilliseconds(4_500), TalkDuration = TimeSpan.FromMilliseconds(30_250),
        }));
    }
}
