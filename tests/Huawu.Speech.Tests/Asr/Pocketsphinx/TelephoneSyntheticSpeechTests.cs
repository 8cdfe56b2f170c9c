using Huawu.Media.Codecs;
using Huawu.Media.Dsp;
using Huawu.Speech.Asr;
using Huawu.Speech.Tests.Tts;
using Huawu.Speech.Tts;
using Huawu.Speech.Tts.Espeak;
using Xunit.Abstractions;

namespace Huawu.Speech.Tests.Asr.Pocketsphinx;

/// <summary>
/// Synthetic speech over a telephone line, as a robot's callee simulated by espeak-ng sounds: espeak-ng at 22 kHz,
/// down to 8 kHz, through µ-law and back, then recognized by the 16 kHz model with a grammar of the phrases. Raised to
/// 16 kHz without filling the band above 4 kHz the model heard 1 of these 12; with the fill, all of them.
/// </summary>
[Collection(EspeakCollection.Name)]
public sealed class TelephoneSyntheticSpeechTests(PocketsphinxFixture fixture, ITestOutputHelper output) : IClassFixture<PocketsphinxFixture>
{
    private static readonly string[] Phrases =
    [
        "yes I am interested", "no thanks", "do not call me again", "I want to talk to a person", "what is the interest rate",
        "how much can I borrow", "call me later", "I am busy right now", "who is this", "are you a robot", "wrong number",
        "can you repeat that",
    ];

    [Fact]
    public async Task Espeak_phrases_through_mu_law_are_recognized_with_a_grammar_of_the_phrases()
    {
        Assert.True(EspeakTextToSpeech.TryCreate(out var espeak, out var error), error);
        var grammar = new RecognitionOptions { Grammar = Phrases };
        var heard = 0;
        foreach (var phrase in Phrases)
        {
            var line = await OverTheLineAsync(espeak!, phrase);
            var results = await RecognitionRunner.RunAsync(fixture.Recognizer, grammar, line);
            var final = results[^1];
            if (final.Text == PhraseNormalizer.Normalize(phrase)) heard++;
            else output.WriteLine($"'{phrase}' heard as '{final.Text}'");
        }
        output.WriteLine($"{heard} of {Phrases.Length} heard");
        Assert.True(heard >= Phrases.Length - 1, $"{heard} of {Phrases.Length} phrases heard");
    }

    private static async Task<short[]> OverTheLineAsync(EspeakTextToSpeech espeak, string phrase)
    {
        var (samples, rate, _) = await AudioMeasure.CollectAsync(espeak.SynthesizeAsync(SpeechText.Plain(phrase), "en-us"));
        var toLine = new PolyphaseResampler(rate, 8000);
        var narrow = new short[toLine.MaxOutputLength(samples.Length) + 64];
        var written = toLine.Process(samples, narrow);
        written += toLine.Flush(narrow.AsSpan(written));
        var codes = new byte[written];
        G711.EncodeMuLaw(narrow.AsSpan(0, written), codes);
        var decoded = new short[written];
        G711.DecodeMuLaw(codes, decoded);
        // Half a second of line silence either side, as a VAD segment carries it.
        return [.. new short[4000], .. decoded, .. new short[4000]];
    }
}
