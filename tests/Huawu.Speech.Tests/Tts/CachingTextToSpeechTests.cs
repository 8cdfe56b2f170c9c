using Huawu.Speech.Tts;
using Huawu.Speech.Tts.Caching;
using Huawu.Speech.Tts.Espeak;

namespace Huawu.Speech.Tests.Tts;

[Collection(EspeakCollection.Name)]
public class CachingTextToSpeechTests
{
    private static short[] Expected(string voiceAndText) => [.. Enumerable.Range(0, 3).SelectMany(i => FakeTts.ChunkFor(voiceAndText, i))];

    [Fact]
    public async Task A_repeated_utterance_is_replayed_without_synthesis()
    {
        var inner = new FakeTts();
        var cache = new TtsAudioCache(1 << 20);
        var tts = new CachingTextToSpeech(inner, cache);

        var first = await AudioMeasure.CollectAsync(tts.SynthesizeAsync(SpeechText.Plain("Hello there."), "v1"));
        var again = await AudioMeasure.CollectAsync(tts.SynthesizeAsync(SpeechText.Plain("  Hello   there. "), "V1"));

        Assert.Equal(1, inner.Calls);
        Assert.Equal(Expected("v1Hello there."), first.Samples);
        Assert.Equal(first.Samples, again.Samples);
        Assert.Equal(16000, again.SampleRate);
        Assert.Equal((1, 1), (cache.Hits, cache.Misses));
        // Chunks of a replay are the consumer's own arrays.
        again.Chunks[0].Samples[0] = 12345;
        var third = await AudioMeasure.CollectAsync(tts.SynthesizeAsync(SpeechText.Plain("Hello there."), "v1"));
        Assert.Equal(first.Samples, third.Samples);
    }

    [Fact]
    public async Task Another_voice_or_text_is_another_entry()
    {
        var inner = new FakeTts();
        var tts = new CachingTextToSpeech(inner, new TtsAudioCache(1 << 20));
        await AudioMeasure.CollectAsync(tts.SynthesizeAsync(SpeechText.Plain("Hello."), "v1"));
        await AudioMeasure.CollectAsync(tts.SynthesizeAsync(SpeechText.Plain("Hello."), "v2"));
        await AudioMeasure.CollectAsync(tts.SynthesizeAsync(SpeechText.Plain("Hello!"), "v1"));
        Assert.Equal(3, inner.Calls);
    }

    [Fact]
    public async Task Memory_holds_the_most_recently_used_utterances_within_its_bytes()
    {
        var inner = new FakeTts();
        // Each utterance is 480 samples (960 bytes) plus its key: two fit, three do not.
        var cache = new TtsAudioCache(2500);
        var tts = new CachingTextToSpeech(inner, cache);
        await Say(tts, "a.");
        await Say(tts, "b.");
        await Say(tts, "a.");
        await Say(tts, "c.");
        Assert.Equal(3, inner.Calls);
        Assert.InRange(cache.BytesInMemory, 1920, 2500);
        await Say(tts, "a.");
        Assert.Equal(3, inner.Calls);
        await Say(tts, "b.");
        Assert.Equal(4, inner.Calls);
    }

    [Fact]
    public async Task Concurrent_requests_for_one_utterance_share_one_streaming_synthesis()
    {
        var inner = new FakeTts { Hold = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously) };
        var tts = new CachingTextToSpeech(inner, new TtsAudioCache(1 << 20));
        var readers = Enumerable.Range(0, 3).Select(_ => tts.SynthesizeAsync(SpeechText.Plain("您好。"), "v2").GetAsyncEnumerator()).ToArray();
        try
        {
            // Every reader gets the first chunk while the synthesis is still held before its second.
            foreach (var reader in readers) Assert.True(await reader.MoveNextAsync().AsTask().WaitAsync(TimeSpan.FromSeconds(10)));
            Assert.Equal(1, inner.Calls);
            inner.Hold.SetResult();
            foreach (var reader in readers)
            {
                var samples = new List<short>(reader.Current.Samples);
                while (await reader.MoveNextAsync()) samples.AddRange(reader.Current.Samples);
                Assert.Equal(Expected("v2您好。"), samples);
            }
        }
        finally
        {
            foreach (var reader in readers) await reader.DisposeAsync();
        }
        Assert.Equal(1, inner.Calls);
    }

    [Fact]
    public async Task One_reader_cancelling_leaves_the_others_and_the_last_one_stops_the_synthesis()
    {
        var inner = new FakeTts { Hold = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously) };
        var tts = new CachingTextToSpeech(inner, new TtsAudioCache(1 << 20));
        using var bargeIn = new CancellationTokenSource();
        using var hangUp = new CancellationTokenSource();
        await using var leaving = tts.SynthesizeAsync(SpeechText.Plain("Hi."), "v1", bargeIn.Token).GetAsyncEnumerator();
        await using var staying = tts.SynthesizeAsync(SpeechText.Plain("Hi."), "v1", hangUp.Token).GetAsyncEnumerator();
        Assert.True(await leaving.MoveNextAsync());
        Assert.True(await staying.MoveNextAsync());
        var leavingWaits = leaving.MoveNextAsync().AsTask();
        var stayingWaits = staying.MoveNextAsync().AsTask();
        await bargeIn.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => leavingWaits);
        await leaving.DisposeAsync();
        Assert.Equal(0, inner.Cancelled);
        Assert.False(stayingWaits.IsCompleted);

        await hangUp.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => stayingWaits);
        await staying.DisposeAsync();
        await WaitUntil(() => inner.Cancelled == 1);

        // Nothing was cached: the next request synthesizes afresh.
        inner.Hold = null;
        await Say(tts, "Hi.");
        Assert.Equal(2, inner.Calls);
    }

    [Fact]
    public async Task A_failure_reaches_every_reader_and_is_not_cached()
    {
        var inner = new FakeTts { FailAfterFirstChunk = true };
        var tts = new CachingTextToSpeech(inner, new TtsAudioCache(1 << 20));
        var error = await Assert.ThrowsAsync<SpeechEngineException>(() => Say(tts, "Oops."));
        Assert.Equal("the fake engine broke", error.Message);
        inner.FailAfterFirstChunk = false;
        await Say(tts, "Oops.");
        Assert.Equal(2, inner.Calls);
    }

    [Fact]
    public async Task The_disk_cache_survives_a_restart_and_drops_damaged_files()
    {
        using var temp = new TempDirectory();
        var inner = new FakeTts();
        await Say(new CachingTextToSpeech(inner, new TtsAudioCache(1 << 20, temp.Path)), "Welcome.");
        Assert.Single(Directory.GetFiles(temp.Path, "*.pcm"));

        var afterRestart = new CachingTextToSpeech(inner, new TtsAudioCache(1 << 20, temp.Path));
        Assert.Equal(Expected("v1Welcome."), await Say(afterRestart, "Welcome."));
        Assert.Equal(1, inner.Calls);

        File.WriteAllBytes(Directory.GetFiles(temp.Path, "*.pcm")[0], [1, 2, 3]);
        Assert.Equal(Expected("v1Welcome."), await Say(new CachingTextToSpeech(inner, new TtsAudioCache(1 << 20, temp.Path)), "Welcome."));
        Assert.Equal(2, inner.Calls);
    }

    [Fact]
    public async Task The_disk_cache_keeps_within_its_budget_dropping_the_least_recently_used()
    {
        using var temp = new TempDirectory();
        var tts = new CachingTextToSpeech(new FakeTts(), new TtsAudioCache(0, temp.Path, diskBytes: 2 * 970));
        await Say(tts, "one.");
        await Say(tts, "two.");
        await Say(tts, "three.");
        Assert.Equal(2, Directory.GetFiles(temp.Path, "*.pcm").Length);
        Assert.Empty(Directory.GetFiles(temp.Path, "*.tmp"));
    }

    [Fact]
    public async Task Espeak_output_is_cached_exactly()
    {
        Assert.True(EspeakTextToSpeech.TryCreate(out var espeak, out var error), error);
        var tts = new CachingTextToSpeech(espeak!, new TtsAudioCache(16 << 20));
        var first = await AudioMeasure.CollectAsync(tts.SynthesizeAsync(SpeechText.Plain("请稍候。"), "cmn"));
        var again = await AudioMeasure.CollectAsync(tts.SynthesizeAsync(SpeechText.Plain("请稍候。"), "cmn"));
        Assert.Equal(22050, again.SampleRate);
        Assert.Equal(first.Samples, again.Samples);
    }

    private static async Task<short[]> Say(CachingTextToSpeech tts, string text) =>
        (await AudioMeasure.CollectAsync(tts.SynthesizeAsync(SpeechText.Plain(text), "v1"))).Samples;

    private static async Task WaitUntil(Func<bool> condition)
    {
        for (var i = 0; i < 500 && !condition(); i++) await Task.Delay(10);
        Assert.True(condition());
    }
}
