using Dapper;
using Huawu.Data.Calls;
using Huawu.Data.Contacts;
using Huawu.Data.Keys;
using Huawu.Data.Recordings;
using Huawu.Data.Storage;
using Huawu.Data.Tests.Support;
using Huawu.Data.Transcripts;

namespace Huawu.Data.Tests.Keys;

public sealed class KeyRotationTests
{
    private static readonly byte[] Audio = [.. Enumerable.Range(0, 200_000).Select(i => (byte)(i % 253))];

    private static async Task<(long ListId, long CallId, long RecordingId)> StoreEverythingAsync(DataStore store, int contacts)
    {
        var list = await store.Contacts.CreateListAsync("l");
        for (var i = 0; i < contacts; i++)
        {
            await store.Contacts.AddAsync(list.Id, new NewContact($"1380000{i:D4}", $"客户{i}", $"G{i:D7}", "note",
                new Dictionary<string, string> { ["amount"] = i.ToString(System.Globalization.CultureInfo.InvariantCulture) }));
        }
        var call = await Seed.CallAsync(store, "13812345678", DateTimeOffset.UnixEpoch);
        await store.Calls.AddLegAsync(call.Id, new NewCallLeg("leg", "customer", "13812345678", DateTimeOffset.UnixEpoch));
        await store.Calls.SetVariableAsync(call.Id, "slot", "value");
        await store.Transcripts.AppendAsync(call.Id, new NewTranscriptSegment("customer", TimeSpan.Zero, TimeSpan.FromSeconds(1), "你好"));
        await using var writer = (await store.Recordings.StartAsync(call.Id, RecordingFormat.Pcm16Mono8k)).Value!;
        writer.Write(Audio);
        var recording = await writer.CompleteAsync();
        return (list.Id, call.Id, recording.Id);
    }

    private static async Task<string> SnapshotAsync(DataStore store, long listId, long callId, long recordingId)
    {
        var contacts = await store.Contacts.PageAsync(listId, 0, 1000);
        var call = await store.Calls.GetAsync(callId);
        var legs = await store.Calls.LegsAsync(callId);
        var variables = await store.Calls.VariablesAsync(callId);
        var transcript = await store.Transcripts.ForCallAsync(callId);
        await using var audio = (await store.Recordings.OpenAsync(recordingId)).Audio!;
        var played = new MemoryStream();
        await audio.CopyToAsync(played);
        return System.Text.Json.JsonSerializer.Serialize(new { contacts, call, legs, variables, transcript, audio = Convert.ToHexString(played.ToArray()) });
    }

    [Theory, BothDatabases]
    public async Task Rotation_moves_every_value_and_recording_to_the_new_key_so_the_old_one_can_go(DatabaseProvider provider)
    {
        await using var test = await TestStore.CreateAsync(provider);
        var (listId, callId, recordingId) = await StoreEverythingAsync(test.Store, contacts: 7);
        var before = await SnapshotAsync(test.Store, listId, callId, recordingId);
        // 7 contacts × 5 values, the call's number, the leg's party, one variable, one utterance.
        Assert.Equal([new KeyUsage(1, 39, 1)], await new KeyRotation(test.Store).UsageAsync());

        var rotated = test.Keys.WithNewActiveKey(test.Time);
        var store = await test.ReopenAsync(rotated);
        var report = await new KeyRotation(store).ReencryptAsync(batchSize: 3);
        Assert.Equal((2u, 39L, 1L), (report.ActiveKeyId, report.Values, report.Recordings));
        Assert.Empty(report.Problems);
        Assert.Equal([new KeyUsage(1, 0, 0), new KeyUsage(2, 39, 1)], await new KeyRotation(store).UsageAsync());

        var retired = await test.ReopenAsync(rotated.Without(1));
        Assert.Equal(before, await SnapshotAsync(retired, listId, callId, recordingId));
        Assert.Equal("keys_rotated", (await retired.Audit.ReadAsync(0, 10))[^1].Action);
    }

    [Theory, BothDatabases]
    public async Task A_second_pass_moves_only_what_is_still_under_an_old_key(DatabaseProvider provider)
    {
        await using var test = await TestStore.CreateAsync(provider);
        await StoreEverythingAsync(test.Store, contacts: 3);
        var rotated = test.Keys.WithNewActiveKey(test.Time);
        var store = await test.ReopenAsync(rotated);
        await new KeyRotation(store).ReencryptAsync();

        // A node that has not restarted yet still writes under key 1.
        var lagging = (await DataStore.OpenAsync(test.Database.StoreOptions, test.Keys, test.Time)).Store!;
        await using (lagging)
        {
            var list = await lagging.Contacts.CreateListAsync("late");
            await lagging.Contacts.AddAsync(list.Id, new NewContact("13911112222", "晚到"));
        }
        Assert.Contains(new KeyUsage(1, 2, 0), await new KeyRotation(store).UsageAsync());
        var again = await new KeyRotation(store).ReencryptAsync();
        Assert.Equal((2L, 0L), (again.Values, again.Recordings));
        Assert.False((await new KeyRotation(store).UsageAsync()).Single(u => u.KeyId == 1).InUse);
    }

    [Theory, BothDatabases]
    public async Task A_value_that_does_not_open_is_reported_and_the_rest_still_moves(DatabaseProvider provider)
    {
        await using var test = await TestStore.CreateAsync(provider);
        var list = await test.Store.Contacts.CreateListAsync("l");
        var damaged = (await test.Store.Contacts.AddAsync(list.Id, new NewContact("13800000001", "甲"))).Value!;
        await test.Store.Contacts.AddAsync(list.Id, new NewContact("13800000002", "乙"));
        await using (var connection = await test.Database.OpenRawAsync())
        {
            var name = await connection.ExecuteScalarAsync<byte[]>("SELECT name_enc FROM contacts WHERE id = @Id", new { damaged.Id });
            name![^1] ^= 1;
            await connection.ExecuteAsync("UPDATE contacts SET name_enc = @name WHERE id = @Id", new { name, damaged.Id });
        }
        var store = await test.ReopenAsync(test.Keys.WithNewActiveKey(test.Time));
        var report = await new KeyRotation(store).ReencryptAsync();
        Assert.Equal(3, report.Values);
        Assert.Contains(report.Problems, p => p.Contains($"contacts.name_enc row {damaged.Id}", StringComparison.Ordinal));
        Assert.Equal("failure", (await store.Audit.ReadAsync(0, 10))[^1].Outcome);
    }
}
