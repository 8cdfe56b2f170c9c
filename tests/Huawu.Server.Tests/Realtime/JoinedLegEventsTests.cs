using Dapper;
using Huawu.Server.Calls;
using Huawu.Server.Configuration;
using Huawu.Server.Tests.Api.Support;
using Huawu.Server.Tests.Calls;
using Huawu.Telephony.Calls;
using Huawu.Telephony.Configuration;
using Huawu.Telephony.Cti;
using Microsoft.Extensions.Logging.Abstractions;
using static Huawu.Server.Tests.Api.Support.EventStreamClient;

namespace Huawu.Server.Tests.Realtime;

/// <summary>
/// Live events of legs that joined another leg's call record (an extension's phone rung for a caller) reach whoever the
/// record's scope reaches, written by the call-record service from the same CTI events the realtime feed carries.
/// </summary>
public sealed class JoinedLegEventsTests
{
    [Fact]
    public async Task The_supervisor_of_the_callers_team_gets_the_events_of_the_phone_leg_that_joined_the_callers_record()
    {
        await using var host = await ApiHost.StartAsync();
        var data = Directory.CreateTempSubdirectory("huawu-joined-").FullName;
        var records = new CallRecordService(host.Store, new HubOnlyCalls(host.Cti),
            new ServerConfiguration { Data = data, Extensions = [new ExtensionOptions { Number = "1001" }] }, NullLogger<CallRecordService>.Instance);
        await records.StartAsync(CancellationToken.None);
        try
        {
            await using var supervisor = await ConnectAsync(host, "supervisor");
            await using var otherSupervisor = await ConnectAsync(host, "supervisor_b");
            await using var admin = await ConnectAsync(host, "admin");
            var at = host.Time.GetUtcNow();
            CallId caller = new("caller"), phone = new("phone");

            // The dialplan rings extension 1001's phone for the caller: one record, "caller", with both legs.
            host.Cti.Publish(new CallCreated(caller, at, CallDirection.Inbound, "13812345678", "1001", "carrier"));
            host.Cti.Publish(new CallCreated(phone, at, CallDirection.Outbound, "13812345678", "1001", null, caller));
            Assert.Equal(2, (await admin.NextAsync(2)).Count);
            await UntilAsync(async () => (await host.Store.Calls.FindByLegIdAsync("phone"))?.CallUuid == "caller", "the phone's leg");
            // The caller waits in team A's queue, as the ACD will record.
            var queue = (await host.Store.Calls.GetAsync(host.World.QueuedCall))!.QueueId;
            await using (var connection = await host.Store.Database.OpenAsync(default))
            {
                await connection.ExecuteAsync("UPDATE calls SET queue_id = @queue WHERE call_uuid = 'caller'", new { queue });
            }

            CtiEvent[] talk =
            [
                new CallAnswered(phone, at, "PCMA"), new CallAnswered(caller, at, "PCMA"),
                new CallBridged(caller, at, phone), new CallBridged(phone, at, caller),
                new CallHungUp(phone, at, HangupCause.NormalClearing, HangupSide.Remote, null, TimeSpan.Zero, TimeSpan.Zero),
                new CallHungUp(caller, at, HangupCause.NormalClearing, HangupSide.Local, null, TimeSpan.Zero, TimeSpan.Zero),
            ];
            foreach (var cti in talk) host.Cti.Publish(cti);

            // Once admin (subscribed last, sees every call) has the last event, every subscriber was offered every event.
            string[] afterQueued = ["call.answered@phone", "call.answered@caller", "call.bridged@caller", "call.bridged@phone",
                "call.hungup@phone", "call.hungup@caller"];
            Assert.Equal(afterQueued, (await admin.NextAsync(afterQueued.Length)).Select(Describe));
            Assert.Equal(afterQueued, (await supervisor.DrainAsync()).Select(Describe));
            Assert.Empty(await otherSupervisor.DrainAsync());
        }
        finally
        {
            await records.StopAsync(CancellationToken.None);
            records.Dispose();
            Directory.Delete(data, recursive: true);
        }
    }

    private static async Task UntilAsync(Func<Task<bool>> condition, string what)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(10);
        while (!await condition())
        {
            if (DateTime.UtcNow > deadline) Assert.Fail($"Still not stored after 10 s: {what}");
            await Task.Delay(10);
        }
    }
}
