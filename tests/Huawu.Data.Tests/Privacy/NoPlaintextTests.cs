using System.Security.Cryptography;
using Dapper;
using Huawu.Data.Audit;
using Huawu.Data.Calls;
using Huawu.Data.Contacts;
using Huawu.Data.Erasure;
using Huawu.Data.Recordings;
using Huawu.Data.Storage;
using Huawu.Data.Tests.Support;
using Huawu.Data.Transcripts;
using Huawu.Testing.Postgres;

namespace Huawu.Data.Tests.Privacy;

/// <summary>
/// After storing known phone numbers, names, ID numbers, notes, transcripts and a recording, no file the store
/// writes (database, WAL, recordings, server log) holds any of them in any common encoding.
/// </summary>
public sealed class NoPlaintextTests
{
    private static string RandomMobile() => "139" + RandomNumberGenerator.GetInt32(10_000_000, 99_999_999).ToString(System.Globalization.CultureInfo.InvariantCulture);

    [Theory, BothDatabases]
    public async Task Nothing_personal_is_stored_in_the_clear(DatabaseProvider provider)
    {
        await using var test = await TestStore.CreateAsync(provider);
        var store = test.Store;
        var phones = Enumerable.Range(0, 4).Select(_ => RandomMobile()).ToList();
        var suffix = RandomNumberGenerator.GetHexString(6);
        string[] names = [$"欧阳建国{suffix}", $"Margaret Thornton-Whitfield {suffix}"];
        var idNumber = "1101011990030" + RandomNumberGenerator.GetInt32(10_000, 99_999).ToString(System.Globalization.CultureInfo.InvariantCulture);
        var note = $"客户要求下周三下午回电 {suffix}";
        var utterance = $"我叫{names[0]}，电话是{phones[0]}";
        var audio = RandomNumberGenerator.GetBytes(320 * 1_000);

        var list = await store.Contacts.CreateListAsync("campaign list");
        await store.Contacts.AddAsync(list.Id, new NewContact($"+86 {phones[0][..3]} {phones[0][3..7]} {phones[0][7..]}", names[0], idNumber, note,
            new Dictionary<string, string> { ["full_name"] = names[1] }));
        await store.Contacts.ImportAsync(list.Id, [new NewContact(phones[1], names[1]), new NewContact($"0086-{phones[2]}", names[0])]);
        var call = await Seed.CallAsync(store, phones[0], test.Time.GetUtcNow());
        await store.Calls.AddLegAsync(call.Id, new NewCallLeg("leg-1", "customer", phones[0], test.Time.GetUtcNow()));
        await store.Calls.SetVariableAsync(call.Id, "name", names[0]);
        await store.Calls.InsertManyAsync([new NewCallRecord("bulk-1", CallDirection.Inbound, test.Time.GetUtcNow()) { CustomerPhone = phones[1] }]);
        await store.Transcripts.AppendAsync(call.Id, new NewTranscriptSegment("customer", TimeSpan.Zero, TimeSpan.FromSeconds(4), utterance));
        await store.Consents.RecordAsync(phones[0], "recording", true, "ivr", call.Id);
        await store.DoNotCall.AddAsync(phones[2], "asked", "agent");
        await using (var writer = (await store.Recordings.StartAsync(call.Id, RecordingFormat.Pcm16Mono8k)).Value!)
        {
            for (var offset = 0; offset < audio.Length; offset += 320) writer.Write(audio.AsSpan(offset, 320));
            await writer.CompleteAsync();
        }
        await new PersonalDataEraser(store).EraseByPhoneAsync(phones[3], "cli");
        await store.Audit.AppendAsync(new AuditEvent("user:admin", AuditAction.Exported, TargetType: "contact_list", TargetId: list.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)));

        var needles = PlaintextScanner.Needles(phones.SelectMany(PlaintextScanner.PhoneSpellings).Concat(names).Append(idNumber).Append(note).Append(utterance))
            .Append(("audio", audio[100_000..100_064], "raw"))
            .ToList();

        // The scan must be able to fail: a control file with one needle in UTF-16 is found.
        var control = Path.Combine(test.Database.DataDirectory, "control.txt");
        await File.WriteAllTextAsync(control, "x" + $"{phones[0][..3]}-{phones[0][3..7]}-{phones[0][7..]}", System.Text.Encoding.Unicode);
        Assert.NotEmpty(PlaintextScanner.Find([control], needles));
        File.Delete(control);

        Assert.Empty(PlaintextScanner.Find(await FilesWrittenAsync(test), needles));
        await store.DisposeAsync(); // SQLite: checkpoint the WAL into the database file; then look again
        Assert.Empty(PlaintextScanner.Find(await FilesWrittenAsync(test), needles));
        await test.ReopenAsync();
    }

    private static async Task<IEnumerable<string>> FilesWrittenAsync(TestStore test)
    {
        var files = Directory.GetFiles(test.Database.DataDirectory, "*", SearchOption.AllDirectories).ToList();
        if (test.Provider == DatabaseProvider.Postgres)
        {
            var cluster = PostgresCluster.Shared;
            await using var connection = await test.Database.OpenRawAsync();
            await connection.ExecuteAsync("CHECKPOINT", commandType: System.Data.CommandType.Text); // heap pages to disk, not only the WAL
            var oid = await connection.ExecuteScalarAsync<long>("SELECT oid FROM pg_database WHERE datname = current_database()");
            files.AddRange(Directory.GetFiles(Path.Combine(cluster.DataDirectory, "base", oid.ToString(System.Globalization.CultureInfo.InvariantCulture))));
            files.AddRange(Directory.GetFiles(Path.Combine(cluster.DataDirectory, "pg_wal")));
            files.Add(cluster.LogFile);
        }
        Assert.Contains(files, f => f.EndsWith(RecordingStore.Extension, StringComparison.Ordinal));
        return files;
    }
}
