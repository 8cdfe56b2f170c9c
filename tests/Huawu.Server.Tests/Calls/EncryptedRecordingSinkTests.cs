using System.Buffers.Binary;
using Huawu.Data.Calls;
using Huawu.Data.Recordings;
using Huawu.Server.Calls;

namespace Huawu.Server.Tests.Calls;

/// <summary>The sink that takes a call's recording into the store: encrypted chunks on disk, the exact audio back on playback.</summary>
public sealed class EncryptedRecordingSinkTests
{
    private const int Ticks = 100;              // 2 s
    private const int SamplesPerTick = 2 * 160; // stereo, 20 ms at 8 kHz

    [Fact]
    public async Task Audio_from_before_and_after_the_store_is_ready_plays_back_exactly_and_is_never_plain_on_disk()
    {
        await using var rig = await CallRecordRig.StartAsync();
        var sink = new EncryptedRecordingSink(RecordingOptions.Format);
        var audio = Conversation();

        // Recording starts at answer, before the store has its row: the first half second waits in the sink.
        WriteTicks(sink, audio, 0, 25);
        sink.Attach(await StartAsync(rig));
        WriteTicks(sink, audio, 25, Ticks);
        sink.Complete();
        var recording = await sink.Completion.WaitAsync(TimeSpan.FromSeconds(10));

        Assert.NotNull(recording);
        Assert.Equal((RecordingOptions.Format, (long?)(audio.Length * 2)), (recording.Format, recording.AudioBytes));
        Assert.Equal(TimeSpan.FromSeconds(2), recording.Duration);
        var expected = LittleEndian(audio);
        Assert.Equal(expected, await PlayAsync(rig, recording.Id));
        var file = await File.ReadAllBytesAsync(Directory.GetFiles(Path.Combine(rig.Data, "recordings"), "*.hwra", SearchOption.AllDirectories).Single());
        for (var offset = 0; offset + 32 <= expected.Length; offset += 997)
        {
            Assert.True(file.AsSpan().IndexOf(expected.AsSpan(offset, 32)) < 0, $"plain audio from byte {offset} is in the file");
        }
    }

    [Fact]
    public async Task A_recording_stopped_before_the_store_was_ready_is_sealed_when_the_writer_arrives()
    {
        await using var rig = await CallRecordRig.StartAsync();
        var sink = new EncryptedRecordingSink(RecordingOptions.Format);
        var audio = Conversation();
        WriteTicks(sink, audio, 0, 10);
        sink.Complete();
        Assert.False(sink.Completion.IsCompleted);

        sink.Attach(await StartAsync(rig));

        var recording = await sink.Completion.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal(LittleEndian(audio.AsSpan(0, 10 * SamplesPerTick)), await PlayAsync(rig, recording!.Id));
    }

    [Fact]
    public async Task A_discarded_recording_completes_with_nothing()
    {
        var sink = new EncryptedRecordingSink(RecordingOptions.Format);
        WriteTicks(sink, Conversation(), 0, 10);
        sink.Complete();

        sink.Discard();

        Assert.Null(await sink.Completion.WaitAsync(TimeSpan.FromSeconds(10)));
    }

    [Fact]
    public void Audio_beyond_the_wait_limit_is_counted_as_lost()
    {
        var sink = new EncryptedRecordingSink(RecordingOptions.Format);
        var tick = new short[SamplesPerTick];
        var ticksAllowed = EncryptedRecordingSink.MaxPendingSeconds * 50;
        for (var i = 0; i < ticksAllowed + 3; i++) sink.Write(tick);

        Assert.Equal(3 * SamplesPerTick * 2, sink.DroppedBytes);
        sink.Discard();
    }

    /// <summary>Two parties: a 440 Hz caller left and a 1 kHz voice right, in a rising envelope so no two ticks are alike.</summary>
    internal static short[] Conversation()
    {
        var audio = new short[Ticks * SamplesPerTick];
        for (var frame = 0; frame < audio.Length / 2; frame++)
        {
            var envelope = 2000 + (frame % 8000);
            audio[2 * frame] = (short)(envelope * Math.Sin(2 * Math.PI * 440 * frame / 8000));
            audio[(2 * frame) + 1] = (short)(envelope * Math.Sin(2 * Math.PI * 1000 * frame / 8000));
        }
        return audio;
    }

    internal static byte[] LittleEndian(ReadOnlySpan<short> samples)
    {
        var bytes = new byte[samples.Length * 2];
        for (var i = 0; i < samples.Length; i++) BinaryPrimitives.WriteInt16LittleEndian(bytes.AsSpan(2 * i), samples[i]);
        return bytes;
    }

    internal static async Task<byte[]> PlayAsync(CallRecordRig rig, long recordingId)
    {
        var opened = await rig.Store.Recordings.OpenAsync(recordingId);
        Assert.True(opened.Audio is not null, opened.Error);
        await using var audio = opened.Audio;
        using var copy = new MemoryStream();
        await audio.CopyToAsync(copy);
        return copy.ToArray();
    }

    private static void WriteTicks(EncryptedRecordingSink sink, short[] audio, int from, int to)
    {
        for (var tick = from; tick < to; tick++) sink.Write(audio.AsSpan(tick * SamplesPerTick, SamplesPerTick));
    }

    private static async Task<IRecordingWriter> StartAsync(CallRecordRig rig)
    {
        var call = (await rig.Store.Calls.InsertAsync(new NewCallRecord("recorded", CallDirection.Inbound, rig.Time.GetUtcNow()))).Value!;
        return (await rig.Store.Recordings.StartAsync(call.Id, RecordingOptions.Format)).Value!;
    }
}
