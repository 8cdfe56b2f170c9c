using System.Runtime.CompilerServices;
using Huawu.Media.Audio;
using Huawu.Speech.Tts;
using Huawu.Speech.Tts.Espeak;
using Huawu.Speech.Tts.Prompts;

namespace Huawu.Speech.Tests.Tts;

[Collection(EspeakCollection.Name)]
public class PromptComposerTests
{
    private static readonly EspeakTextToSpeech Espeak = EspeakTextToSpeech.TryCreate(out var engine, out var error)
        ? engine!
        : throw new InvalidOperationException(error);

    [Fact]
    public async Task Sentences_with_recordings_play_the_recordings_exactly()
    {
        using var temp = new TempDirectory();
        var library = AsteriskLibrary(temp);
        var prompts = new PromptTextToSpeech(library, Espeak);
        var (samples, rate, _) = await AudioMeasure.CollectAsync(prompts.SynthesizeAsync(SpeechText.Plain("Thank you.  Goodbye"), "en-us"));
        Assert.Equal(8000, rate);
        Assert.Equal([.. library.FindById("auth-thankyou")!.Samples, .. library.FindById("vm-goodbye")!.Samples], samples);
    }

    [Fact]
    public async Task A_recording_of_two_sentences_serves_both()
    {
        using var temp = new TempDirectory();
        var library = AsteriskLibrary(temp);
        var text = "That agent is already logged on. Please enter your agent number followed by the pound key.";
        var (samples, _, _) = await AudioMeasure.CollectAsync(new PromptTextToSpeech(library, Espeak).SynthesizeAsync(SpeechText.Plain(text), "en-us"));
        Assert.Equal(library.FindById("agent-alreadyon")!.Samples, samples);
    }

    [Fact]
    public async Task Sentences_without_recordings_are_spoken_by_TTS_at_the_recordings_rate()
    {
        using var temp = new TempDirectory();
        var library = AsteriskLibrary(temp);
        var thanks = library.FindById("auth-thankyou")!.Samples;
        var (samples, rate, chunks) = await AudioMeasure.CollectAsync(
            new PromptTextToSpeech(library, Espeak).SynthesizeAsync(SpeechText.Plain("Thank you. Your balance is low."), "en-us"));
        Assert.Equal(8000, rate);
        Assert.All(chunks, c => Assert.Equal(8000, c.SampleRate));
        Assert.Equal(thanks, samples[..thanks.Length]);
        var spoken = samples[thanks.Length..];
        Assert.InRange(spoken.Length / 8000.0, 4 * 0.2, 4 * 0.6);
        Assert.True(AudioMeasure.VoicedShare(spoken, 8000) > 0.5);
    }

    [Fact]
    public async Task A_line_with_a_variable_plays_the_fixed_parts_recorded_and_speaks_the_value()
    {
        using var temp = new TempDirectory();
        var hello = WriteTone(temp, "hello", 1000, 0.6);
        var sir = WriteTone(temp, "sir", 2000, 0.4);
        File.WriteAllLines(temp.File(PromptLibrary.IndexFileName), ["hello: 您好", "sir: 先生，"]);
        Assert.True(PromptLibrary.TryLoad(temp.Path, out var library, out var errors), string.Join("\n", errors));
        Assert.True(PromptTemplate.TryParse("您好，{customer_name}先生。", out var template, out _));

        var (samples, rate, _) = await AudioMeasure.CollectAsync(new PromptTextToSpeech(library!, Espeak)
            .ComposeAsync(template, new Dictionary<string, string> { ["customer_name"] = "张伟" }, "cmn"));

        Assert.Equal(16000, rate);
        Assert.Equal(hello, samples[..hello.Length]);
        Assert.Equal(sir, samples[^sir.Length..]);
        var name = samples[hello.Length..^sir.Length];
        Assert.InRange(name.Length / 16000.0, 2 * 0.15, 2 * 0.6);
        Assert.True(AudioMeasure.VoicedShare(name, 16000) > 0.4, "the name is spoken");
    }

    [Fact]
    public async Task A_value_may_be_SSML_and_a_missing_value_is_named()
    {
        using var temp = new TempDirectory();
        var hello = WriteTone(temp, "hello", 1000, 0.2);
        File.WriteAllLines(temp.File(PromptLibrary.IndexFileName), ["hello: 您好"]);
        Assert.True(PromptLibrary.TryLoad(temp.Path, out var library, out _));
        var prompts = new PromptTextToSpeech(library!, Espeak);
        Assert.True(PromptTemplate.TryParse("您好{phone}", out var template, out _));

        var (samples, _, _) = await AudioMeasure.CollectAsync(prompts.ComposeAsync(template,
            new Dictionary<string, string> { ["phone"] = "<speak><say-as interpret-as=\"telephone\">13812345678</say-as></speak>" }, "cmn"));
        Assert.InRange((samples.Length - hello.Length) / 16000.0, 11 * 0.15, 11 * 0.5);

        var error = await Assert.ThrowsAsync<SpeechEngineException>(() =>
            AudioMeasure.CollectAsync(prompts.ComposeAsync(template, new Dictionary<string, string>(), "cmn")));
        Assert.Equal("The line names {phone}, which has no value.", error.Message);
    }

    [Fact]
    public async Task The_spoken_part_is_synthesized_while_the_recording_before_it_plays()
    {
        using var temp = new TempDirectory();
        WriteTone(temp, "hello", 1000, 2);
        File.WriteAllLines(temp.File(PromptLibrary.IndexFileName), ["hello: 您好"]);
        Assert.True(PromptLibrary.TryLoad(temp.Path, out var library, out _));
        var tts = new WatchedTts();
        Assert.True(PromptTemplate.TryParse("您好{name}", out var template, out _));

        await using var audio = new PromptTextToSpeech(library!, tts)
            .ComposeAsync(template, new Dictionary<string, string> { ["name"] = "张伟" }, "watched").GetAsyncEnumerator();
        Assert.True(await audio.MoveNextAsync());
        // Only the first 200 ms of the two-second greeting has been taken, yet the name is being synthesized.
        Assert.Equal("张伟", await tts.Started.Task.WaitAsync(TimeSpan.FromSeconds(10)));
    }

    private static PromptLibrary AsteriskLibrary(TempDirectory temp)
    {
        var index = PromptLibraryTests.WriteAsteriskIndex(temp, "auth-thankyou", "vm-goodbye", "agent-alreadyon");
        Assert.True(PromptLibrary.TryLoad(PromptLibraryTests.AsteriskSounds, out var library, out var errors, index), string.Join("\n", errors));
        return library!;
    }

    private static short[] WriteTone(TempDirectory temp, string id, double frequency, double seconds)
    {
        var samples = Enumerable.Range(0, (int)(16000 * seconds)).Select(i => (short)(8000 * Math.Sin(2 * Math.PI * frequency * i / 16000))).ToArray();
        using var writer = WavWriter.Create(temp.File(id + ".wav"), 16000, 1);
        writer.Write(samples);
        return samples;
    }

    /// <summary>A TTS engine that reports when it is asked to speak and then says a little silence.</summary>
    private sealed class WatchedTts : ITextToSpeech
    {
        public TaskCompletionSource<string> Started { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public string Name => "watched";

        public IReadOnlyList<VoiceInfo> Voices { get; } = [new("watched", "zh", 16000)];

        public async IAsyncEnumerable<SynthesizedAudio> SynthesizeAsync(SpeechText text, string voice,
            [EnumeratorCancellation] CancellationToken cancellation = default)
        {
            Started.TrySetResult(((SpeechPart.Text)text.Parts[0]).Value);
            await Task.Yield();
            yield return new SynthesizedAudio(new short[160], 16000, TimeSpan.Zero);
        }
    }
}
