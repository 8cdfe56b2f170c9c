using Huawu.Speech.Tts;
using Huawu.Speech.Tts.Espeak;
using Huawu.Speech.Tts.Ssml;
using Huawu.Speech.Tts.Synthesis;

namespace Huawu.Speech.Tests.Tts;

/// <summary>
/// The real espeak-ng library (Debian's libespeak-ng1). Its worker is one per process; the tests that use it run in
/// one collection so they do not crowd one another on a small machine.
/// </summary>
[Collection(EspeakCollection.Name)]
public class EspeakTextToSpeechTests
{
    private const string Mandarin = "您好，欢迎致电话务客服中心。请问有什么可以帮您？";
    private const string English = "Hello, thank you for calling. How can I help you today?";
    private static readonly string LongSentence = string.Join(" ", Enumerable.Repeat("one two three four five six seven eight nine ten", 30));

    private static readonly EspeakTextToSpeech Engine = EspeakTextToSpeech.TryCreate(out var engine, out var error)
        ? engine!
        : throw new InvalidOperationException(error);

    [Fact]
    public void Offers_Mandarin_and_English_voices_at_espeak_ngs_native_rate()
    {
        var mandarin = Assert.Single(Engine.Voices, v => v.Id == "cmn");
        Assert.Single(Engine.Voices, v => v.Id == "en-us");
        Assert.Single(Engine.Voices, v => v.Id == "en-gb");
        Assert.Equal(22050, mandarin.SampleRate);
        Assert.All(Engine.Voices, v => Assert.Equal(22050, v.SampleRate));
    }

    [Fact]
    public async Task Mandarin_speech_has_the_rate_and_a_plausible_length_for_its_characters()
    {
        var (samples, rate, chunks) = await AudioMeasure.CollectAsync(Engine.SynthesizeAsync(SpeechText.Plain(Mandarin), "cmn"));
        Assert.Equal(22050, rate);
        Assert.All(chunks, c => Assert.Equal(22050, c.SampleRate));
        var characters = Mandarin.Count(char.IsLetter);
        var perCharacter = AudioMeasure.Duration(samples, rate).TotalSeconds / characters;
        Assert.InRange(perCharacter, 0.15, 0.5);
        Assert.True(AudioMeasure.VoicedShare(samples, rate) > 0.5, "mostly voiced");
        Assert.True(AudioMeasure.Rms(samples) > 1000, "loud enough to be speech");
    }

    [Fact]
    public async Task English_speech_has_the_rate_and_a_plausible_length_for_its_words()
    {
        var (samples, rate, _) = await AudioMeasure.CollectAsync(Engine.SynthesizeAsync(SpeechText.Plain(English), "en-us"));
        Assert.Equal(22050, rate);
        var words = English.Split(' ').Length;
        Assert.InRange(AudioMeasure.Duration(samples, rate).TotalSeconds / words, 0.2, 0.6);
        Assert.True(AudioMeasure.VoicedShare(samples, rate) > 0.5, "mostly voiced");
    }

    [Fact]
    public async Task Offsets_count_the_audio_before_each_chunk()
    {
        var (_, rate, chunks) = await AudioMeasure.CollectAsync(Engine.SynthesizeAsync(SpeechText.Plain(English), "en-gb+f3"));
        var samples = 0L;
        foreach (var chunk in chunks)
        {
            Assert.Equal(TimeSpan.FromSeconds((double)samples / rate), chunk.Offset);
            samples += chunk.Samples.Length;
        }
    }

    [Fact]
    public async Task A_break_inserts_silence_of_its_length()
    {
        var (shortBreak, rate, _) = await AudioMeasure.CollectAsync(
            Engine.SynthesizeAsync(SsmlParser.Parse("<speak>您好<break time=\"100ms\"/>再见</speak>"), "cmn"));
        var (longBreak, _, _) = await AudioMeasure.CollectAsync(
            Engine.SynthesizeAsync(SsmlParser.Parse("<speak>您好<break time=\"1200ms\"/>再见</speak>"), "cmn"));
        // Same sentences, so the difference is the pause: 1.1 s (espeak-ng's voice carries a little state from one
        // sentence to the next, so its own parts vary by a few samples between runs).
        Assert.InRange((longBreak.Length - shortBreak.Length) / (double)rate, 1.09, 1.11);
        Assert.InRange(AudioMeasure.LongestSilence(longBreak, rate).TotalMilliseconds, 1200, 1800);
    }

    [Fact]
    public async Task Telephone_numbers_are_spoken_in_Mandarin()
    {
        var (number, rate, _) = await AudioMeasure.CollectAsync(Engine.SynthesizeAsync(
            SsmlParser.Parse("<speak><say-as interpret-as=\"telephone\">13812345678</say-as></speak>"), "cmn"));
        var (reading, _, _) = await AudioMeasure.CollectAsync(Engine.SynthesizeAsync(SpeechText.Plain("幺三八，幺二三四，五六七八"), "cmn"));
        AssertSameLength(reading, number);
        Assert.InRange(AudioMeasure.Duration(number, rate).TotalSeconds, 11 * 0.15, 11 * 0.5);
    }

    [Fact]
    public async Task The_first_chunk_comes_before_later_sentences_are_synthesized()
    {
        var text = string.Concat(Enumerable.Range(1, 8).Select(i => $"这是第{i}句话。"));
        var engine = new EspeakTextToSpeech(GetWorker());
        long startedAtFirstChunk = -1;
        await foreach (var _ in engine.SynthesizeAsync(SpeechText.Plain(text), "cmn"))
        {
            if (startedAtFirstChunk < 0) startedAtFirstChunk = engine.SentencesStarted;
        }
        // Streaming: when audio first arrives, espeak-ng has been given the first sentence and at most the next.
        Assert.InRange(startedAtFirstChunk, 1, 2);
        Assert.Equal(8, engine.SentencesStarted);
    }

    [Fact]
    public async Task Cancelling_ends_the_utterance_and_leaves_the_engine_working()
    {
        using var barge = new CancellationTokenSource();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () =>
        {
            await foreach (var _ in Engine.SynthesizeAsync(SpeechText.Plain(LongSentence + ". And more."), "en-us", barge.Token))
            {
                await barge.CancelAsync();
            }
        });
        var (after, _, _) = await AudioMeasure.CollectAsync(Engine.SynthesizeAsync(SpeechText.Plain("Still here."), "en-us"));
        Assert.NotEmpty(after);
    }

    [Fact]
    public async Task Cancellation_aborts_a_sentence_at_the_next_audio_buffer()
    {
        var whole = (await AudioMeasure.CollectAsync(Engine.SynthesizeAsync(SpeechText.Plain(LongSentence), "en-us"))).Samples.Length;
        using var barge = new CancellationTokenSource();
        var produced = 0;
        // Barge-in lands while espeak-ng is making the first buffer: the callback sees it at the next one.
        var output = new SentenceSynthesis(count =>
        {
            produced += count;
            barge.Cancel();
        });
        GetWorker().Enqueue(new EspeakJob(LongSentence, "gmw/en-US", output, barge.Token));
        await output.Produced.WaitAsync(TimeSpan.FromSeconds(30));
        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () => await output.Audio.ReadAllAsync().ToListAsync());
        Assert.InRange(produced, 1, 2 * 22050 * EspeakWorker.BufferMilliseconds / 1000);
        Assert.True(whole > 100 * produced, $"{produced} of {whole} samples made");
    }

    [Fact]
    public async Task Concurrent_calls_are_served_one_sentence_at_a_time_each_with_its_own_voice()
    {
        var mandarinAlone = (await AudioMeasure.CollectAsync(Engine.SynthesizeAsync(SpeechText.Plain(Mandarin), "cmn"))).Samples;
        var englishAlone = (await AudioMeasure.CollectAsync(Engine.SynthesizeAsync(SpeechText.Plain(English), "en-us"))).Samples;

        var together = await Task.WhenAll(
            Task.Run(() => AudioMeasure.CollectAsync(Engine.SynthesizeAsync(SpeechText.Plain(Mandarin), "cmn"))),
            Task.Run(() => AudioMeasure.CollectAsync(Engine.SynthesizeAsync(SpeechText.Plain(English), "en-us"))),
            Task.Run(() => AudioMeasure.CollectAsync(Engine.SynthesizeAsync(SpeechText.Plain(Mandarin), "cmn"))));

        // A sentence spoken with the other call's voice would differ wildly in length (the English voice spells
        // Chinese characters out); the same voice varies by a few samples between runs.
        AssertSameLength(mandarinAlone, together[0].Samples);
        AssertSameLength(englishAlone, together[1].Samples);
        AssertSameLength(mandarinAlone, together[2].Samples);
    }

    private static void AssertSameLength(short[] expected, short[] actual) =>
        Assert.InRange(actual.Length, expected.Length * 0.98, expected.Length * 1.02);

    [Fact]
    public async Task An_unknown_voice_is_an_engine_error_naming_it()
    {
        var error = await Assert.ThrowsAsync<SpeechEngineException>(
            () => AudioMeasure.CollectAsync(Engine.SynthesizeAsync(SpeechText.Plain("hi"), "klingon")));
        Assert.Contains("no voice 'klingon'", error.Message, StringComparison.Ordinal);
    }

    private static EspeakWorker GetWorker() => EspeakWorker.TryGet(out var worker, out _) ? worker! : throw new InvalidOperationException();

}

[CollectionDefinition(Name)]
public sealed class EspeakCollection
{
    public const string Name = "espeak-ng worker";
}
