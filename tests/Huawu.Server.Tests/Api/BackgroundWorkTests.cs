using System.Net;
using Huawu.Server.Api.Health;
using Huawu.Server.Tests.Api.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Huawu.Server.Tests.Api;

/// <summary>What a node does on its own while it runs: the retention purge, session clean-up, and readiness.</summary>
public sealed class BackgroundWorkTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task The_retention_purge_runs_on_its_schedule_and_is_audited()
    {
        await using var host = await ApiHost.StartAsync();
        Assert.Equal(HttpStatusCode.OK, (await host.ClientFor("admin").SendJsonAsync(HttpMethod.Put, "/api/v1/retention-policies/call_records",
            new { retainDays = 1 })).StatusCode);
        host.Time.Advance(TimeSpan.FromDays(1) + TimeSpan.FromHours(1));
        // One advance fires many hourly ticks at once; the pass started by the first may still run (and skip the
        // others) or may have read the clock mid-advance. Each later hour gives the schedule another pass.
        var nextHour = () => host.Time.Advance(TimeSpan.FromHours(1));
        await Eventually(async () => (await host.Store.Audit.ReadAsync(0, 1000)).Any(e => e.Action == "retention_purged"), nextHour);
        await Eventually(async () => (await (await host.ClientFor("admin").GetAsync("/api/v1/calls")).ReadAsync()).GetProperty("items").GetArrayLength() == 0, nextHour);
        Assert.False(File.Exists(Directory.EnumerateFiles(host.Store.Options.RecordingsDirectory, "*", SearchOption.AllDirectories).FirstOrDefault() ?? "none"));
    }

    [Fact]
    public async Task Ended_sessions_are_deleted_a_day_later()
    {
        await using var host = await ApiHost.StartAsync();
        var (_, session) = await SessionClient.SignInAsync(host, "agent");
        await SessionClient.SignInAsync(host, "admin");
        await session!.SendAsync(HttpMethod.Delete, "/api/v1/session");
        // The hourly sweep at +24 h still keeps what ended exactly a day ago; the one at +25 h deletes it.
        host.Time.Advance(TimeSpan.FromHours(24));
        await Task.Delay(200);
        Assert.Equal(2, await CountSessionsAsync(host));
        host.Time.Advance(TimeSpan.FromHours(1));
        await Eventually(async () => await CountSessionsAsync(host) == 1);
    }

    [Fact]
    public async Task Readiness_reports_every_failing_check_with_503()
    {
        await using var host = await ApiHost.StartAsync();
        var ready = await (await host.Client().GetAsync("/readyz")).ReadAsync();
        Assert.Equal("ready", ready.GetProperty("status").GetString());
        Assert.Equal(["database", "listeners"], host.App.Services.GetServices<IReadinessCheck>().Select(c => c.Name));
        await using var failing = await ApiHost.StartAsync(services: s => s.AddSingleton<IReadinessCheck>(new Unready()));
        var response = await failing.Client().GetAsync("/readyz");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal("trunks not registered", (await response.ReadAsync()).GetProperty("problems").GetProperty("telephony").GetString());
    }

    private sealed class Unready : IReadinessCheck
    {
        public string Name => "telephony";

        public Task<string?> ProblemAsync(CancellationToken cancellation) => Task.FromResult<string?>("trunks not registered");
    }

    private static async Task<long> CountSessionsAsync(ApiHost host)
    {
        await using var connection = await host.Store.Database.OpenAsync(default);
        return await Dapper.SqlMapper.ExecuteScalarAsync<long>(connection, "SELECT count(*) FROM sessions");
    }

    // Background passes run on the thread pool after the fake clock's timer fires: wait for their effect, boundedly.
    private static async Task Eventually(Func<Task<bool>> condition, Action? betweenTries = null)
    {
        var deadline = DateTime.UtcNow + Patience;
        while (!await condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "the background work did not happen in time");
            await Task.Delay(20);
            betweenTries?.Invoke();
        }
    }
}
