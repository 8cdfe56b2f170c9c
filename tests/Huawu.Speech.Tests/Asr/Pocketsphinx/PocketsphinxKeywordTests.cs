using Huawu.Speech.Asr;
using Xunit.Abstractions;

namespace Huawu.Speech.Tests.Asr.Pocketsphinx;

/// <summary>
/// A recognizer whose decoder has already heard a call. Keyword spotting, unlike a grammar, depends on the decoder's
/// channel estimate (live cepstral mean normalization): a new decoder starts from the model's estimate for wideband
/// microphone speech, far from band-limited telephone audio, and misses keyphrases in its first utterance. Pooled
/// decoders carry their estimate from call to call; this fixture gives its decoder one (a long prompt, not used below).
/// </summary>
public sealed class WarmPocketsphinxFixture : IDisposable
{
    private readonly PocketsphinxFixture _inner = new();

    public WarmPocketsphinxFixture()
    {
        var warmUp = new RecognitionOptions { Grammar = [AsteriskPrompts.TextOf("demo-echotest")] };
        RecognitionRunner.RunAsync(Recognizer, warmUp, AsteriskPrompts.Audio("demo-echotest").Samples.ToArray()).GetAwaiter().GetResult();
    }

    internal ISpeechRecognizer Recognizer => _inner.Recognizer;

    public void Dispose() => _inner.Dispose();
}

/// <summary>Keyword spotting over real prompts: the phrase is found where it is said and (almost) nowhere else.</summary>
public sealed class PocketsphinxKeywordTests(WarmPocketsphinxFixture fixture, ITestOutputHelper output) : IClassFixture<WarmPocketsphinxFixture>
{
    private const string Phrase = "followed by the pound key";

    [Fact]
    public async Task A_keyphrase_is_found_in_nine_of_ten_prompts_that_say_it_and_at_most_once_falsely_in_a_hundred_others()
    {
        var hotWords = new RecognitionOptions { HotWords = [Phrase] };
        var withPhrase = AsteriskPrompts.Entries.Where(e => Says(e.Text)).Select(e => e.Name).ToList();
        // A fixed sample of the others: every fourth prompt by name.
        var without = AsteriskPrompts.Entries.Where(e => !Says(e.Text)).Where((_, i) => i % 4 == 0).Select(e => e.Name).ToList();
        Assert.Equal(10, withPhrase.Count);
        Assert.True(without.Count >= 100);

        var found = 0;
        foreach (var name in withPhrase)
        {
            var results = await SpotAsync(hotWords, name);
            Assert.True(results[^1].IsFinal);
            if (results.SingleOrDefault(r => r.Text.Length > 0) is not { } detection)
            {
                output.WriteLine($"missed in {name}");
                continue;
            }
            found++;
            Assert.Equal(Phrase, detection.Text);
            Assert.True(detection.IsFinal);
            // The phrase ends each of these prompts: the detection ends near the speech's end (300 ms padding each side).
            var speechEnd = AsteriskPrompts.Audio(name).Duration + TimeSpan.FromMilliseconds(300);
            Assert.InRange(detection.End, speechEnd - TimeSpan.FromSeconds(0.6), speechEnd + TimeSpan.FromSeconds(0.4));
            Assert.InRange(detection.End - detection.Start, TimeSpan.FromSeconds(0.8), TimeSpan.FromSeconds(2.5));
        }
        var falseAlarms = new List<string>();
        foreach (var name in without)
        {
            var results = await SpotAsync(hotWords, name);
            if (results.Any(r => r.Text.Length > 0)) falseAlarms.Add(name);
            else Assert.Equal("", Assert.Single(results).Text);
        }
        output.WriteLine($"'{Phrase}': found in {found}/{withPhrase.Count} prompts saying it; " +
                         $"false alarms in {falseAlarms.Count}/{without.Count} others {string.Join(", ", falseAlarms)}");
        Assert.True(found >= 9, $"found in {found} of {withPhrase.Count}");
        Assert.True(falseAlarms.Count <= 1, string.Join(", ", falseAlarms));
    }

    [Fact]
    public async Task Each_detection_is_a_final_result_in_the_order_spoken_and_a_phrase_may_carry_its_own_threshold()
    {
        // "Please enter your password followed by the pound key." A phrase may carry its own threshold (pocketsphinx's
        // keyword-list syntax), which is not part of the phrase reported.
        var hotWords = new RecognitionOptions { HotWords = ["password", "pound key /1e-10/"] };
        var results = await SpotAsync(hotWords, "agent-pass");
        var detections = results.Where(r => r.Text.Length > 0).ToList();
        Assert.Equal(["password", "pound key"], detections.Select(d => d.Text));
        Assert.All(detections, d => Assert.True(d.IsFinal));
        Assert.True(detections[0].End <= detections[1].End);
    }

    private static bool Says(string text) => (" " + PhraseNormalizer.Normalize(text) + " ").Contains(" " + Phrase + " ", StringComparison.Ordinal);

    private Task<List<RecognitionResult>> SpotAsync(RecognitionOptions options, string prompt) =>
        RecognitionRunner.RunAsync(fixture.Recognizer, options,
            RecognitionRunner.Padded(AsteriskPrompts.Audio(prompt).Samples, 8000, TimeSpan.FromMilliseconds(300)));
}
