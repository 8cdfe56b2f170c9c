using Huawu.Data.Backups;
using Huawu.Data.Calls;
using Huawu.Data.Contacts;
using Huawu.Data.Erasure;
using Huawu.Data.Recordings;
using Huawu.Data.Storage;
using Huawu.Data.Tests.Support;

namespace Huawu.Data.Tests.Backups;

public sealed class BackupRestoreTests : IDisposable
{
    private readonly string _backups = Directory.CreateTempSubdirectory("huawu-backup-").FullName;

    public void Dispose() => Directory.Delete(_backups, recursive: true);

    private string Folder(string name = "b1") => Path.Combine(_backups, name);

    private static async Task<RecordingInfo> PopulateAsync(TestStore test)
    {
        var store = test.Store;
        var list = await store.Contacts.CreateListAsync("l");
        await store.Contacts.ImportAsync(list.Id, [.. Enumerable.Range(0, 50).Select(i => new NewContact($"1380000{i:D4}", $"客户{i}"))]);
        var call = await Seed.CallAsync(store, "13800000001", test.Time.GetUtcNow());
        var leg = (await store.Calls.AddLegAsync(call.Id, new NewCallLeg("leg-1", "customer", "13800000001", test.Time.GetUtcNow()) { Trunk = "carrier" })).Value!;
        await store.Calls.MarkLegAnsweredAsync(leg.Id, test.Time.GetUtcNow().AddSeconds(3));
        await store.Calls.EndLegAsync(leg.Id, new LegEnd(test.Time.GetUtcNow().AddSeconds(33), "NormalClearing") { HangupSide = CallSide.Remote });
        await store.Calls.EndAsync(call.Id, new CallEnd(test.Time.GetUtcNow().AddSeconds(33), "NormalClearing")
        {
            HangupSide = CallSide.Remote, RingDuration = TimeSpan.FromSeconds(3), TalkDuration = TimeSpan.FromSeconds(30),
        });
        await store.DoNotCall.AddAsync("13900000000", "asked", "agent");
        await store.Audit.AppendAsync(new Huawu.Data.Audit.AuditEvent("user:admin", Huawu.Data.Audit.AuditAction.LoginSucceeded));
        await using var writer = (await store.Recordings.StartAsync(call.Id, RecordingFormat.Pcm16Mono8k)).Value!;
        writer.Write([.. Enumerable.Range(0, 100_000).Select(i => (byte)i)]);
        return await writer.CompleteAsync();
    }

    private static Dictionary<string, string> RecordingFiles(TestStore test) =>
        BackupFileHashes(test.Store.Options.RecordingsDirectory);

    private static Dictionary<string, string> BackupFileHashes(string root) =>
        Directory.Exists(root)
            ? Directory.GetFiles(root, "*", SearchOption.AllDirectories)
                .ToDictionary(f => Path.GetRelativePath(root, f), f => Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(File.ReadAllBytes(f))))
            : [];

    [Theory, BothDatabases]
    public async Task Backup_then_restore_gives_back_identical_data_and_recordings(DatabaseProvider provider)
    {
        await using var test = await TestStore.CreateAsync(provider);
        var recording = await PopulateAsync(test);
        var before = await DatabaseSnapshot.CaptureAsync(test.Database);
        var filesBefore = RecordingFiles(test);

        var manifest = (await new BackupService(test.Store).CreateAsync(Folder())).Value!;
        Assert.Equal((provider, test.Store.SchemaVersion), (manifest.Provider, manifest.SchemaVersion));
        Assert.Equal([1u], manifest.KeyIds);
        Assert.Contains(manifest.Files, f => f.Path == manifest.DatabaseFile);
        Assert.Contains(manifest.Files, f => f.Path.StartsWith("recordings/", StringComparison.Ordinal) && f.Path.EndsWith(".hwra", StringComparison.Ordinal));
        Assert.Equal("backup_created", (await test.Store.Audit.ReadAsync(0, 100))[^1].Action);

        // Life goes on after the backup: more data, a deleted recording, an erasure.
        var list = await test.Store.Contacts.CreateListAsync("after");
        await test.Store.Contacts.AddAsync(list.Id, new NewContact("13911111111"));
        await test.Store.Recordings.DeleteAsync(recording.Id);
        await new PersonalDataEraser(test.Store).EraseByPhoneAsync("13800000002", "cli");
        await test.Store.DisposeAsync();

        var restored = await BackupRestore.RestoreAsync(Folder(), test.Database.StoreOptions, test.Keys);
        Assert.True(restored.Succeeded, restored.Detail);
        Assert.Empty(restored.Value!.MissingKeyIds);
        Assert.Equal(before, await DatabaseSnapshot.CaptureAsync(test.Database));
        Assert.Equal(filesBefore, RecordingFiles(test));

        var store = await test.ReopenAsync();
        Assert.True((await store.Audit.VerifyAsync()).IsIntact);
        Assert.NotNull((await store.Recordings.OpenAsync(recording.Id)).Audio);
        var added = await store.Contacts.AddAsync((await store.Contacts.ListListsAsync())[0].Id, new NewContact("13922222222"));
        Assert.True(added.Succeeded, added.Detail); // identity sequences came back too
    }

    [Theory, BothDatabases]
    public async Task A_damaged_incomplete_or_padded_backup_is_refused_and_nothing_changes(DatabaseProvider provider)
    {
        await using var test = await TestStore.CreateAsync(provider);
        await PopulateAsync(test);
        var manifest = (await new BackupService(test.Store).CreateAsync(Folder())).Value!;
        var recordingPath = Path.Combine(Folder(), manifest.Files.First(f => f.Path.StartsWith("recordings/", StringComparison.Ordinal)).Path);
        var databasePath = Path.Combine(Folder(), manifest.DatabaseFile);
        await test.Store.Contacts.CreateListAsync("made after the backup");
        await test.Store.DisposeAsync();
        var current = await DatabaseSnapshot.CaptureAsync(test.Database);

        async Task<string> RefusalAsync()
        {
            var result = await BackupRestore.RestoreAsync(Folder(), test.Database.StoreOptions, test.Keys);
            Assert.False(result.Succeeded);
            Assert.Equal(current, await DatabaseSnapshot.CaptureAsync(test.Database));
            return result.Detail!;
        }

        var bytes = await File.ReadAllBytesAsync(recordingPath);
        bytes[100] ^= 1;
        await File.WriteAllBytesAsync(recordingPath, bytes);
        Assert.Contains("checksum does not match", await RefusalAsync(), StringComparison.Ordinal);
        bytes[100] ^= 1;
        await File.WriteAllBytesAsync(recordingPath, bytes);

        await File.WriteAllTextAsync(Path.Combine(Folder(), "extra.txt"), "x");
        Assert.Contains("extra.txt: not in the manifest", await RefusalAsync(), StringComparison.Ordinal);
        File.Delete(Path.Combine(Folder(), "extra.txt"));

        File.Move(databasePath, databasePath + ".moved");
        Assert.Contains($"{manifest.DatabaseFile}: missing", await RefusalAsync(), StringComparison.Ordinal);
        File.Move(databasePath + ".moved", databasePath);

        File.Delete(Path.Combine(Folder(), BackupManifest.FileName));
        Assert.Contains("no manifest.json", await RefusalAsync(), StringComparison.Ordinal);
    }

    [Theory, BothDatabases]
    public async Task Backups_go_into_an_empty_folder_and_restore_into_the_same_kind_of_database(DatabaseProvider provider)
    {
        await using var test = await TestStore.CreateAsync(provider);
        Directory.CreateDirectory(Folder("busy"));
        await File.WriteAllTextAsync(Path.Combine(Folder("busy"), "keep.txt"), "mine");
        Assert.Equal(DataProblem.Invalid, (await new BackupService(test.Store).CreateAsync(Folder("busy"))).Problem);
        Assert.Equal("mine", await File.ReadAllTextAsync(Path.Combine(Folder("busy"), "keep.txt")));

        Assert.True((await new BackupService(test.Store).CreateAsync(Folder())).Succeeded);
        var otherKind = test.Database.StoreOptions with
        {
            Database = new DatabaseOptions { Provider = provider == DatabaseProvider.Sqlite ? DatabaseProvider.Postgres : DatabaseProvider.Sqlite, ConnectionString = "Host=x" },
        };
        var refused = await BackupRestore.RestoreAsync(Folder(), otherKind, test.Keys);
        Assert.Contains($"backup is of a {provider.ToString().ToLowerInvariant()} database", refused.Detail, StringComparison.Ordinal);

        await test.Store.DisposeAsync();
        var missingKey = await BackupRestore.RestoreAsync(Folder(), test.Database.StoreOptions, test.Keys.WithNewActiveKey(test.Time).Without(1));
        Assert.True(missingKey.Succeeded, missingKey.Detail);
        Assert.Equal([1u], missingKey.Value!.MissingKeyIds);
    }
}
