using Huawu.Data.Recordings;
using Huawu.Data.Storage;
using Huawu.Data.Tests.Support;

namespace Huawu.Data.Tests.Recordings;

public sealed class RecordingRepositoryTests
{
    private static byte[] Frame(int index) => [.. Enumerable.Range(0, 320).Select(i => (byte)(index + i))];

    [Theory, BothDatabases]
    public async Task A_recording_is_written_frame_by_frame_and_played_back(DatabaseProvider provider)
    {
        await using var test = await TestStore.CreateAsync(provider);
        var call = await Seed.CallAsync(test.Store, "13812345678", test.Time.GetUtcNow());
        var started = await test.Store.Recordings.StartAsync(call.Id, RecordingFormat.Pcm16Mono8k);
        await using var writer = started.Value!;
        var expected = new MemoryStream();
        for (var i = 0; i < 500; i++)
        {
            writer.Write(Frame(i));
            expected.Write(Frame(i));
        }
        Assert.Null((await test.Store.Recordings.GetAsync(writer.RecordingId))!.CompletedAt);
        Assert.Contains("still recording", (await test.Store.Recordings.OpenAsync(writer.RecordingId)).Error, StringComparison.Ordinal);

        test.Time.Advance(TimeSpan.FromSeconds(10));
        var info = await writer.CompleteAsync();
        Assert.Equal((160_000L, TimeSpan.FromSeconds(10), test.Time.GetUtcNow()), (info.AudioBytes!.Value, info.Duration!.Value, info.CompletedAt!.Value));
        Assert.Equal(info, await test.Store.Recordings.GetAsync(info.Id));
        Assert.Equal([info], await test.Store.Recordings.ForCallAsync(call.Id));

        var opened = await test.Store.Recordings.OpenAsync(info.Id);
        await using var audio = opened.Audio!;
        var played = new MemoryStream();
        await audio.CopyToAsync(played);
        Assert.Equal(expected.ToArray(), played.ToArray());
        Assert.Equal(RecordingFormat.Pcm16Mono8k, opened.Format);
        var file = Directory.GetFiles(test.Store.Options.RecordingsDirectory, "*", SearchOption.AllDirectories).Single();
        Assert.Equal(info.FileId + RecordingStore.Extension, Path.GetFileName(file));
    }

    [Theory, BothDatabases]
    public async Task A_recording_needs_a_call_and_a_discarded_one_leaves_nothing(DatabaseProvider provider)
    {
        await using var test = await TestStore.CreateAsync(provider);
        Assert.Equal(DataProblem.NotFound, (await test.Store.Recordings.StartAsync(42, RecordingFormat.Pcm16Mono8k)).Problem);

        var call = await Seed.CallAsync(test.Store, null, test.Time.GetUtcNow());
        var writer = (await test.Store.Recordings.StartAsync(call.Id, new RecordingFormat(AudioCodec.Pcma, 8000, 1))).Value!;
        writer.Write(Frame(1));
        await writer.DisposeAsync();
        Assert.Empty(await test.Store.Recordings.ForCallAsync(call.Id));
        Assert.Empty(Directory.GetFiles(test.Store.Options.RecordingsDirectory, "*", SearchOption.AllDirectories));
    }

    [Theory, BothDatabases]
    public async Task Deleting_removes_the_file_then_the_row(DatabaseProvider provider)
    {
        await using var test = await TestStore.CreateAsync(provider);
        var call = await Seed.CallAsync(test.Store, null, test.Time.GetUtcNow());
        await using var writer = (await test.Store.Recordings.StartAsync(call.Id, RecordingFormat.Pcm16Mono8k)).Value!;
        writer.Write(Frame(3));
        var info = await writer.CompleteAsync();

        Assert.True(await test.Store.Recordings.DeleteAsync(info.Id));
        Assert.False(await test.Store.Recordings.DeleteAsync(info.Id));
        Assert.Null(await test.Store.Recordings.GetAsync(info.Id));
        Assert.Empty(Directory.GetFiles(test.Store.Options.RecordingsDirectory, "*", SearchOption.AllDirectories));
        Assert.Contains("not found", (await test.Store.Recordings.OpenAsync(info.Id)).Error, StringComparison.Ordinal);
    }
}
