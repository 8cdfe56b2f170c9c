using Huawu.Speech.Asr;
using Huawu.Speech.Asr.Pocketsphinx;
using Huawu.Speech.Configuration;

namespace Huawu.Speech.Tests.Asr.Pocketsphinx;

/// <summary>
/// Bad configuration and bad requests are refused before they reach pocketsphinx (which ends the process on some bad
/// inputs), with messages naming the key or the offending words; native complaints are passed on, not printed.
/// </summary>
public sealed class PocketsphinxErrorTests(PocketsphinxFixture fixture) : IClassFixture<PocketsphinxFixture>, IDisposable
{
    private readonly string _scratch = Directory.CreateTempSubdirectory("huawu-ps-").FullName;

    [Fact]
    public void A_missing_model_directory_is_named_with_its_key()
    {
        var options = new PocketsphinxAsrOptions { Model = Path.Combine(_scratch, "nowhere") };
        Assert.Null(PocketsphinxRecognizer.TryCreate(options, 8000, out var error));
        Assert.Contains("speech.asr.pocketsphinx.model", error);
        Assert.Contains(Path.Combine(_scratch, "nowhere"), error);
    }

    [Fact]
    public void An_incomplete_model_directory_lists_the_files_it_lacks()
    {
        foreach (var file in new[] { "mdef", "means", "feat.params" })
        {
            File.Copy(Path.Combine(new PocketsphinxAsrOptions().Model, file), Path.Combine(_scratch, file));
        }
        File.WriteAllText(Path.Combine(_scratch, "variances"), "");
        Assert.Null(PocketsphinxRecognizer.TryCreate(new PocketsphinxAsrOptions { Model = _scratch }, 8000, out var error));
        Assert.Contains("missing or empty: variances, transition_matrices, noisedict, sendump or mixture_weights", error);
    }

    [Fact]
    public void Running_the_16_kHz_model_at_8_kHz_is_refused_with_the_reason()
    {
        Assert.Null(PocketsphinxRecognizer.TryCreate(new PocketsphinxAsrOptions { ModelSampleRate = 8000 }, 8000, out var error));
        Assert.Contains("speech.asr.pocketsphinx.model_sample_rate", error);
        Assert.Contains("6800 Hz", error);
    }

    [Fact]
    public void A_dictionary_without_pronunciations_is_refused()
    {
        var dictionary = Path.Combine(_scratch, "empty.dict");
        File.WriteAllText(dictionary, "\n\n");
        Assert.Null(PocketsphinxRecognizer.TryCreate(new PocketsphinxAsrOptions { Dictionary = dictionary }, 8000, out var error));
        Assert.Contains("speech.asr.pocketsphinx.dictionary", error);
    }

    [Fact]
    public async Task A_grammar_with_words_the_dictionary_lacks_fails_the_session_naming_them()
    {
        var options = new RecognitionOptions { Grammar = ["yes please", "Frobnicate the qwzxy!"] };
        var failure = await Assert.ThrowsAsync<SpeechEngineException>(() => RecognitionRunner.RunAsync(fixture.Recognizer, options, new short[1600]));
        Assert.Equal("grammar: words pocketsphinx's dictionary cannot pronounce: frobnicate, qwzxy", failure.Message);
    }

    [Fact]
    public async Task A_language_other_than_english_fails_the_session()
    {
        var options = new RecognitionOptions { Language = "zh-CN", Grammar = ["yes"] };
        var failure = await Assert.ThrowsAsync<SpeechEngineException>(() => RecognitionRunner.RunAsync(fixture.Recognizer, options, new short[1600]));
        Assert.Contains("zh-CN", failure.Message);
    }

    [Fact]
    public async Task Free_speech_without_a_language_model_fails_the_session_saying_what_to_configure()
    {
        var failure = await Assert.ThrowsAsync<SpeechEngineException>(() => RecognitionRunner.RunAsync(fixture.Recognizer, new RecognitionOptions(), new short[1600]));
        Assert.Contains("speech.asr.pocketsphinx.language_model", failure.Message);
    }

    [Fact]
    public void A_bad_keyword_threshold_is_refused()
    {
        var search = PocketsphinxSearch.TryCreate(new RecognitionOptions { HotWords = ["yes /abc/"] }, fixture.Recognizer.Pool.Model, out var error);
        Assert.Null(search);
        Assert.Contains("'yes /abc/'", error);
    }

    [Fact]
    public void What_pocketsphinx_logs_when_it_refuses_something_becomes_the_error_message()
    {
        // Past the dictionary check (a decoder used directly): pocketsphinx's own complaint is captured and returned.
        var decoder = fixture.Recognizer.Pool.TryRent(out var error) ?? throw new InvalidOperationException(error);
        try
        {
            Assert.False(decoder.TryUseGrammar("unknown-word", "#JSGF V1.0;\ngrammar g;\npublic <s> = yes | qwzxy ;\n", out error));
            Assert.StartsWith("pocketsphinx rejected the grammar: ERROR:", error);
            Assert.Contains("qwzxy", error);
            // The decoder is still usable for the next session.
            Assert.True(decoder.TryUseGrammar("fine", "#JSGF V1.0;\ngrammar g;\npublic <s> = yes | no ;\n", out error), error);
        }
        finally
        {
            fixture.Recognizer.Pool.Return(decoder);
        }
    }

    public void Dispose() => Directory.Delete(_scratch, recursive: true);
}
