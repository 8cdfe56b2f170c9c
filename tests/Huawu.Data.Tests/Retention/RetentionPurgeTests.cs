using Huawu.Data.Audit;
using Huawu.Data.Calls;
using Huawu.Data.Contacts;
using Huawu.Data.Recordings;
using Huawu.Data.Retention;
using Huawu.Data.Storage;
using Huawu.Data.Tests.Support;
using Huawu.Data.Transcripts;

namespace Huawu.Data.Tests.Retention;

public sealed class RetentionPurgeTests
{
    private static readonly TimeSpan Day = TimeSpan.FromDays(1);

    private static async Task<(CallRecord Call, RecordingInfo Recording)> RecordedCallAsync(TestStore test, string phone)
    {
        var call = await Seed.CallAsync(test.Store, phone, test.Time.GetUtcNow());
        await using var writer = (await test.Store.Recordings.StartAsync(call.Id, RecordingFormat.Pcm16Mono8k)).Value!;
        writer.Write(new byte[3200]);
        var recording = await writer.CompleteAsync();
        await test.Store.Transcripts.AppendAsync(call.Id, new NewTranscriptSegment("customer", TimeSpan.Zero, TimeSpan.FromSeconds(1), "喂，你好"));
        await test.Store.Calls.AddEventAsync(call.Id, "answered", null);
        return (call, recording);
    }

    private static int RecordingFiles(TestStore test) =>
        Directory.Exists(test.Store.Options.RecordingsDirectory)
            ? Directory.GetFiles(test.Store.Options.RecordingsDirectory, "*", SearchOption.AllDirectories).Length
            : 0;

    [Theory, BothDatabases]
    public async Task Each_class_goes_when_its_policy_says_files_included(DatabaseProvider provider)
    {
        await using var test = await TestStore.CreateAsync(provider);
        var store = test.Store;
        await store.RetentionPolicies.SetAsync(RetentionClass.Recordings, 30);
        await store.RetentionPolicies.SetAsync(RetentionClass.Transcripts, 60);
        await store.RetentionPolicies.SetAsync(RetentionClass.Contacts, 180);
        await store.RetentionPolicies.SetAsync(RetentionClass.CallRecords, 365);
        var purge = new RetentionPurgeService(store);

        var list = await store.Contacts.CreateListAsync("l");
        var oldContact = (await store.Contacts.AddAsync(list.Id, new NewContact("13800000001", "Old"))).Value!;
        var (oldCall, oldRecording) = await RecordedCallAsync(test, "13800000001");
        test.Time.Advance(31 * Day);
        var (newCall, newRecording) = await RecordedCallAsync(test, "13800000002");

        Assert.Equal(new PurgeReport(test.Time.GetUtcNow(), 1, 0, 0, 0), await purge.RunOnceAsync());
        Assert.Null(await store.Recordings.GetAsync(oldRecording.Id));
        Assert.NotNull(await store.Recordings.GetAsync(newRecording.Id));
        Assert.Equal(1, RecordingFiles(test));
        Assert.Single(await store.Transcripts.ForCallAsync(oldCall.Id));

        test.Time.Advance(30 * Day); // day 61
        Assert.Equal(new PurgeReport(test.Time.GetUtcNow(), 0, 1, 0, 0), await purge.RunOnceAsync());
        Assert.Empty(await store.Transcripts.ForCallAsync(oldCall.Id));
        Assert.Single(await store.Transcripts.ForCallAsync(newCall.Id));

        test.Time.Advance(39 * Day); // day 100: this contact is touched, so it stays
        var touched = (await store.Contacts.AddAsync(list.Id, new NewContact("13800000003", "Touched"))).Value!;
        test.Time.Advance(81 * Day); // day 181: the old contact, and the second call's recording and transcript (150 days)
        Assert.Equal(new PurgeReport(test.Time.GetUtcNow(), 1, 1, 0, 1), await purge.RunOnceAsync());
        Assert.Equal(0, RecordingFiles(test));
        Assert.Null(await store.Contacts.GetAsync(oldContact.Id));
        Assert.NotNull(await store.Contacts.GetAsync(touched.Id));

        test.Time.Advance(185 * Day); // day 366: the first call is over a year old, the second is not; the touched contact is 266 days old
        Assert.Equal(new PurgeReport(test.Time.GetUtcNow(), 0, 0, 1, 1), await purge.RunOnceAsync());
        Assert.Null(await store.Contacts.GetAsync(touched.Id));
        Assert.Null(await store.Calls.GetAsync(oldCall.Id));
        Assert.Empty(await store.Calls.EventsAsync(oldCall.Id));
        Assert.NotNull(await store.Calls.GetAsync(newCall.Id));

        var audit = await store.Audit.ReadAsync(0, 10);
        Assert.Equal(4, audit.Count);
        Assert.All(audit, e => Assert.Equal((RetentionPurge.Actor, "retention_purged"), (e.Actor, e.Action)));
        Assert.True((await store.Audit.VerifyAsync()).IsIntact);
    }

    [Theory, BothDatabases]
    public async Task Without_policies_nothing_is_removed_and_nothing_is_audited(DatabaseProvider provider)
    {
        await using var test = await TestStore.CreateAsync(provider);
        await RecordedCallAsync(test, "13800000001");
        test.Time.Advance(3650 * Day);
        Assert.True((await new RetentionPurgeService(test.Store).RunOnceAsync()).IsEmpty);
        Assert.Equal(1, RecordingFiles(test));
        Assert.Empty(await test.Store.Audit.ReadAsync(0, 10));
    }

    [Theory, BothDatabases]
    public async Task The_schedule_runs_a_pass_each_interval_on_the_store_clock(DatabaseProvider provider)
    {
        await using var test = await TestStore.CreateAsync(provider);
        await test.Store.RetentionPolicies.SetAsync(RetentionClass.CallRecords, 7);
        await RecordedCallAsync(test, "13800000001");
        test.Time.Advance(8 * Day);
        await using var service = new RetentionPurgeService(test.Store, TimeSpan.FromHours(1));
        var passes = System.Threading.Channels.Channel.CreateUnbounded<PurgeCompletedEventArgs>();
        service.Completed += (_, e) => passes.Writer.TryWrite(e);
        var started = test.Time.GetUtcNow();
        service.Start();

        test.Time.Advance(TimeSpan.FromMinutes(59));
        test.Time.Advance(TimeSpan.FromMinutes(1));
        var first = await passes.Reader.ReadAsync().AsTask().WaitAsync(TimeSpan.FromSeconds(30));
        Assert.Null(first.Error);
        Assert.Equal(new PurgeReport(started.AddHours(1), 1, 0, 1, 0), first.Report);
        Assert.Equal(0, RecordingFiles(test));

        test.Time.Advance(TimeSpan.FromHours(1));
        var second = await passes.Reader.ReadAsync().AsTask().WaitAsync(TimeSpan.FromSeconds(30));
        Assert.Equal(new PurgeReport(started.AddHours(2), 0, 0, 0, 0), second.Report);
        Assert.False(passes.Reader.TryRead(out _));
    }
}
