using Huawu.Speech.Native;
using Huawu.Speech.Tests.Support;
using Huawu.Speech.Tts.Sherpa;

namespace Huawu.Speech.Tests.Tts;

/// <summary>
/// sherpa-onnx offline TTS without a model (none can be downloaded here): the model-pack checks, and the config struct
/// as the real library (1.13.8 from npm) reads it — its debug printout of the config it received, field by field.
/// </summary>
public class SherpaTtsTests
{
    [Fact]
    public void A_VITS_pack_with_a_lexicon_is_found()
    {
        using var pack = new TempDirectory();
        Touch(pack, "vits-aishell3.onnx", "tokens.txt", "lexicon.txt", "number.fst", "date.fst");
        Assert.True(SherpaTtsModelFiles.TryFind(pack.Path, out var files, out var error), error);
        Assert.Equal(SherpaTtsFamily.Vits, files.Family);
        Assert.Equal(pack.File("vits-aishell3.onnx"), files.Model);
        Assert.Equal(pack.File("tokens.txt"), files.Tokens);
        Assert.Equal(pack.File("lexicon.txt"), files.Lexicon);
        Assert.Null(files.DataDirectory);
        Assert.Equal($"{pack.File("date.fst")},{pack.File("number.fst")}", files.RuleFsts);
    }

    [Fact]
    public void A_Kokoro_pack_is_found_with_its_lexicons_and_espeak_data()
    {
        using var pack = new TempDirectory();
        Touch(pack, "model.onnx", "voices.bin", "tokens.txt", "lexicon-us-en.txt", "lexicon-zh.txt");
        EspeakData(pack);
        Assert.True(SherpaTtsModelFiles.TryFind(pack.Path, out var files, out var error), error);
        Assert.Equal(SherpaTtsFamily.Kokoro, files.Family);
        Assert.Equal(pack.File("voices.bin"), files.Voices);
        Assert.Equal($"{pack.File("lexicon-us-en.txt")},{pack.File("lexicon-zh.txt")}", files.Lexicon);
        Assert.Equal(pack.File("espeak-ng-data"), files.DataDirectory);
    }

    [Fact]
    public void A_Matcha_pack_is_found_with_its_vocoder()
    {
        using var pack = new TempDirectory();
        Touch(pack, "model-steps-3.onnx", "vocos-22khz-univ.onnx", "tokens.txt", "lexicon.txt");
        Assert.True(SherpaTtsModelFiles.TryFind(pack.Path, out var files, out var error), error);
        Assert.Equal((SherpaTtsFamily.Matcha, pack.File("model-steps-3.onnx"), pack.File("vocos-22khz-univ.onnx")), (files.Family, files.Model, files.Vocoder));
    }

    [Theory]
    [InlineData(new[] { "model.onnx", "lexicon.txt" }, false, "a Vits model needs tokens.txt, which is missing")]
    [InlineData(new[] { "model.onnx", "tokens.txt" }, false, "a Vits model needs lexicon.txt or espeak-ng-data/ to turn text into tokens, and both are missing")]
    [InlineData(new[] { "model.onnx", "voices.bin", "tokens.txt" }, false, "a Kokoro model needs espeak-ng-data/, which is missing")]
    [InlineData(new[] { "model.onnx", "voices.bin" }, true, "a Kokoro model needs tokens.txt, which is missing")]
    [InlineData(new[] { "model-steps-3.onnx", "tokens.txt", "lexicon.txt" }, false, "a Matcha model needs a vocoder (vocos-*.onnx, hifigan*.onnx or vocoder.onnx), which is missing")]
    [InlineData(new[] { "a.onnx", "b.onnx", "tokens.txt", "lexicon.txt" }, false, "a Vits model needs one model, but there are several (a.onnx, b.onnx): name it model.onnx")]
    [InlineData(new[] { "tokens.txt" }, false, "no TTS model here")]
    public void A_broken_pack_is_reported_by_the_file_it_lacks(string[] present, bool espeakData, string message)
    {
        using var pack = new TempDirectory();
        Touch(pack, present);
        if (espeakData) EspeakData(pack);
        Assert.False(SherpaTtsModelFiles.TryFind(pack.Path, out _, out var error));
        Assert.StartsWith($"{pack.Path}: {message}", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Incomplete_espeak_data_names_the_file_sherpa_onnx_would_miss()
    {
        using var pack = new TempDirectory();
        Touch(pack, "model.onnx", "tokens.txt");
        EspeakData(pack);
        File.Delete(Path.Combine(pack.Path, "espeak-ng-data", "phondata"));
        Assert.False(SherpaTtsModelFiles.TryFind(pack.Path, out _, out var error));
        Assert.Equal($"{pack.Path}: a Vits model needs espeak-ng-data/phondata, which is missing", error);
    }

    [Fact]
    public void The_engine_reports_every_broken_pack_in_the_model_directory()
    {
        using var models = new TempDirectory();
        Directory.CreateDirectory(models.File("vits-zh-a"));
        Directory.CreateDirectory(models.File("kokoro-en-b"));
        File.WriteAllText(Path.Combine(models.File("kokoro-en-b"), "voices.bin"), "");
        Assert.False(SherpaTextToSpeech.TryCreate(models.Path, 1, out _, out var errors));
        Assert.Equal(2, errors.Count);
        Assert.StartsWith($"{models.File("kokoro-en-b")}: a Kokoro model needs model.onnx, which is missing", errors[0], StringComparison.Ordinal);
        Assert.StartsWith($"{models.File("vits-zh-a")}: no TTS model here", errors[1], StringComparison.Ordinal);

        Assert.False(SherpaTextToSpeech.TryCreate(models.File("absent"), 1, out _, out errors));
        Assert.StartsWith($"{models.File("absent")}: no such TTS model directory", Assert.Single(errors), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("vits-zh-aishell3", "zh")]
    [InlineData("matcha-icefall-zh-baker", "zh")]
    [InlineData("vits-piper-en_US-amy-low", "en")]
    [InlineData("kokoro-multi-lang-v1_0", "zh")]
    [InlineData("kokoro-en-v0_19", "en")]
    [InlineData("my-voice", "und")]
    public void A_voice_speaks_the_language_its_pack_is_named_for(string name, string language) =>
        Assert.Equal(language, SherpaTextToSpeech.LanguageOf(name));

    [Fact]
    public void The_library_reads_every_config_field_where_the_header_puts_it()
    {
        using var config = new SherpaTtsNativeConfig(threads: 3, debug: true);
        ref var c = ref config.Value;
        c.Model.Vits = new SherpaOnnxOfflineTtsVitsModelConfig
        {
            Model = config.Utf8("/v/model.onnx"), Lexicon = config.Utf8("/v/lexicon.txt"), Tokens = config.Utf8("/v/tokens.txt"),
            DataDir = config.Utf8("/v/data"), NoiseScale = 0.11f, NoiseScaleW = 0.22f, LengthScale = 1.33f,
        };
        c.Model.Matcha = new SherpaOnnxOfflineTtsMatchaModelConfig
        {
            AcousticModel = config.Utf8("/m/acoustic.onnx"), Vocoder = config.Utf8("/m/vocos.onnx"), Lexicon = config.Utf8("/m/lexicon.txt"),
            Tokens = config.Utf8("/m/tokens.txt"), DataDir = config.Utf8("/m/data"), NoiseScale = 0.44f, LengthScale = 1.55f,
        };
        c.Model.Kokoro = new SherpaOnnxOfflineTtsKokoroModelConfig
        {
            Model = config.Utf8("/k/model.onnx"), Voices = config.Utf8("/k/voices.bin"), Tokens = config.Utf8("/k/tokens.txt"),
            DataDir = config.Utf8("/k/data"), LengthScale = 1.66f, Lexicon = config.Utf8("/k/lexicon-zh.txt"), Lang = config.Utf8("zh"),
        };
        c.Model.Kitten = new SherpaOnnxOfflineTtsKittenModelConfig { Model = config.Utf8("/kt/model.onnx"), LengthScale = 1.77f };
        c.Model.Zipvoice = new SherpaOnnxOfflineTtsZipvoiceModelConfig { Lexicon = config.Utf8("/z/lexicon.txt"), GuidanceScale = 1.88f };
        c.Model.Pocket = new SherpaOnnxOfflineTtsPocketModelConfig { TokenScoresJson = config.Utf8("/p/scores.json"), VoiceEmbeddingCacheCapacity = 42 };
        c.Model.Supertonic = new SherpaOnnxOfflineTtsSupertonicModelConfig { VoiceStyle = config.Utf8("/s/style.json") };
        c.RuleFsts = config.Utf8("/rules/number-zh.fst");
        c.RuleFars = config.Utf8("/rules/zh.far");
        c.MaxNumSentences = 7;
        c.SilenceScale = 0.35f;

        var (tts, log) = NativeStderr.Capture(config.CreateTts);

        // The files do not exist: the library says so and returns null rather than an engine.
        Assert.Equal(IntPtr.Zero, tts);
        Assert.Contains("Rule fst '/rules/number-zh.fst' does not exist.", log, StringComparison.Ordinal);
        foreach (var expected in new[]
        {
            "vits=OfflineTtsVitsModelConfig(model=\"/v/model.onnx\", lexicon=\"/v/lexicon.txt\", tokens=\"/v/tokens.txt\", data_dir=\"/v/data\", noise_scale=0.11, noise_scale_w=0.22, length_scale=1.33)",
            "matcha=OfflineTtsMatchaModelConfig(acoustic_model=\"/m/acoustic.onnx\", vocoder=\"/m/vocos.onnx\", lexicon=\"/m/lexicon.txt\", tokens=\"/m/tokens.txt\", data_dir=\"/m/data\", noise_scale=0.44, length_scale=1.55)",
            "kokoro=OfflineTtsKokoroModelConfig(model=\"/k/model.onnx\", voices=\"/k/voices.bin\", tokens=\"/k/tokens.txt\", lexicon=\"/k/lexicon-zh.txt\", data_dir=\"/k/data\", length_scale=1.66, lang=\"zh\")",
            "OfflineTtsKittenModelConfig(model=\"/kt/model.onnx\"",
            "length_scale=1.77)",
            "lexicon=\"/z/lexicon.txt\"",
            "guidance_scale=1.88)",
            "token_scores_json=\"/p/scores.json\", voice_embedding_cache_capacity=42",
            "voice_style=\"/s/style.json\")",
            "num_threads=3, debug=True, provider=\"cpu\")",
            "rule_fsts=\"/rules/number-zh.fst\", rule_fars=\"/rules/zh.far\", max_num_sentences=7, silence_scale=0.35)",
        })
        {
            Assert.Contains(expected, log, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void A_pack_whose_files_vanish_is_rejected_by_the_library_not_a_crash()
    {
        var files = new SherpaTtsModelFiles(SherpaTtsFamily.Vits, "/nonexistent/vits-zh", "/nonexistent/vits-zh/model.onnx", "/nonexistent/vits-zh/tokens.txt")
        {
            Lexicon = "/nonexistent/vits-zh/lexicon.txt",
        };
        var ((loaded, error), log) = NativeStderr.Capture(() => (SherpaTtsModel.TryLoad(files, 1, out _, out var message), message));
        Assert.False(loaded);
        Assert.Equal("/nonexistent/vits-zh: sherpa-onnx rejected the Vits model (its reason is on standard error)", error);
        Assert.Contains("--vits-model: '/nonexistent/vits-zh/model.onnx' does not exist", log, StringComparison.Ordinal);
    }

    private static void Touch(TempDirectory directory, params string[] files)
    {
        foreach (var file in files) File.WriteAllText(directory.File(file), "");
    }

    private static void EspeakData(TempDirectory directory)
    {
        var data = Directory.CreateDirectory(directory.File("espeak-ng-data")).FullName;
        foreach (var file in new[] { "phontab", "phonindex", "phondata", "intonations" }) File.WriteAllText(Path.Combine(data, file), "");
    }
}
