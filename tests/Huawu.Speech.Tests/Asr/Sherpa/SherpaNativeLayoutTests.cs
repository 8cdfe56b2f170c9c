using Huawu.Speech.Asr.Sherpa;
using Huawu.Speech.Native;
using Huawu.Speech.Tests.Support;

namespace Huawu.Speech.Tests.Asr.Sherpa;

/// <summary>
/// The recognizer config structs as the real library (1.13.8, from npm) reads them: every field is set to a value of
/// its own, the library is asked to create a recognizer with debug on, and its printout of the configuration it
/// received (then refused, as no file exists) must show each value under its own name. A struct that is too short, a
/// field out of order or a wrong type shifts everything after it, which this shows.
/// </summary>
public sealed class SherpaNativeLayoutTests
{
    [Fact]
    public void The_online_recognizer_config_reaches_the_library_field_by_field()
    {
        using var s = new SherpaStrings();
        var config = new SherpaOnnxNative.OnlineRecognizerConfig
        {
            FeatConfig = new() { SampleRate = 8123, FeatureDim = 77 },
            DecodingMethod = s.Add("modified_beam_search"),
            MaxActivePaths = 6,
            EnableEndpoint = 1,
            Rule1MinTrailingSilence = 1.25f,
            Rule2MinTrailingSilence = 0.75f,
            Rule3MinUtteranceLength = 17.5f,
            HotwordsFile = s.Add("/on/hotwords.txt"),
            HotwordsScore = 2.25f,
            CtcFstDecoderConfig = new() { Graph = s.Add("/on/HLG.fst"), MaxActive = 2999 },
            RuleFsts = s.Add("/on/rule.fst"),
            RuleFars = s.Add("/on/rule.far"),
            BlankPenalty = 0.5f,
            Hr = new() { DictDir = s.Add("/on/dict"), Lexicon = s.Add("/on/lexicon.txt"), RuleFsts = s.Add("/on/hr.fst") },
        };
        ref var model = ref config.ModelConfig;
        model.Transducer = new() { Encoder = s.Add("/on/t.encoder"), Decoder = s.Add("/on/t.decoder"), Joiner = s.Add("/on/t.joiner") };
        model.Paraformer = new() { Encoder = s.Add("/on/p.encoder"), Decoder = s.Add("/on/p.decoder") };
        model.Zipformer2Ctc = new() { Model = s.Add("/on/z2ctc") };
        model.Tokens = s.Add("/on/tokens.txt");
        model.NumThreads = 3;
        model.Provider = s.Add("cpu");
        model.Debug = 1;
        model.ModelType = s.Add("zipformer2");
        model.ModelingUnit = s.Add("bpe");
        model.BpeVocab = s.Add("/on/bpe.vocab");
        model.NemoCtc = new() { Model = s.Add("/on/nemo") };
        model.ToneCtc = new() { Model = s.Add("/on/tone") };

        var (recognizer, printed) = NativeStderr.Capture(() => SherpaOnnxNative.SherpaOnnxCreateOnlineRecognizer(in config));

        Assert.Equal(IntPtr.Zero, recognizer);
        AssertPrinted(printed,
            "FeatureExtractorConfig(sampling_rate=8123, feature_dim=77,",
            "OnlineTransducerModelConfig(encoder=\"/on/t.encoder\", decoder=\"/on/t.decoder\", joiner=\"/on/t.joiner\")",
            "OnlineParaformerModelConfig(encoder=\"/on/p.encoder\", decoder=\"/on/p.decoder\")",
            "OnlineZipformer2CtcModelConfig(model=\"/on/z2ctc\")",
            "OnlineNeMoCtcModelConfig(model=\"/on/nemo\")",
            "OnlineToneCtcModelConfig(model=\"/on/tone\")",
            "provider=\"cpu\"",
            "tokens=\"/on/tokens.txt\", num_threads=3,",
            "debug=True, model_type=\"zipformer2\", modeling_unit=\"bpe\", bpe_vocab=\"/on/bpe.vocab\")",
            "rule1=EndpointRule(must_contain_nonsilence=False, min_trailing_silence=1.25,",
            "rule2=EndpointRule(must_contain_nonsilence=True, min_trailing_silence=0.75,",
            "min_utterance_length=17.5)",
            "OnlineCtcFstDecoderConfig(graph=\"/on/HLG.fst\", max_active=2999)",
            "enable_endpoint=True, max_active_paths=6, hotwords_score=2.25, hotwords_file=\"/on/hotwords.txt\", " +
            "decoding_method=\"modified_beam_search\", blank_penalty=0.5,",
            "rule_fsts=\"/on/rule.fst\", rule_fars=\"/on/rule.far\"",
            "HomophoneReplacerConfig(lexicon=\"/on/lexicon.txt\", rule_fsts=\"/on/hr.fst\")");
    }

    [Fact]
    public void The_offline_recognizer_config_reaches_the_library_field_by_field()
    {
        using var s = new SherpaStrings();
        var config = new SherpaOnnxNative.OfflineRecognizerConfig
        {
            FeatConfig = new() { SampleRate = 8123, FeatureDim = 77 },
            LmConfig = new() { Model = s.Add("/off/lm.onnx"), Scale = 0.625f },
            DecodingMethod = s.Add("modified_beam_search"),
            MaxActivePaths = 9,
            HotwordsFile = s.Add("/off/hotwords.txt"),
            HotwordsScore = 3.5f,
            RuleFsts = s.Add("/off/rule.fst"),
            RuleFars = s.Add("/off/rule.far"),
            BlankPenalty = 1.5f,
            Hr = new() { DictDir = s.Add("/off/dict"), Lexicon = s.Add("/off/lexicon.txt"), RuleFsts = s.Add("/off/hr.fst") },
        };
        ref var m = ref config.ModelConfig;
        m.Transducer = new() { Encoder = s.Add("/off/t.encoder"), Decoder = s.Add("/off/t.decoder"), Joiner = s.Add("/off/t.joiner") };
        m.Paraformer = new() { Model = s.Add("/off/paraformer") };
        m.NemoCtc = new() { Model = s.Add("/off/nemo") };
        m.Whisper = new()
        {
            Encoder = s.Add("/off/w.encoder"), Decoder = s.Add("/off/w.decoder"), Language = s.Add("de"), Task = s.Add("translate"),
            TailPaddings = 9, EnableTokenTimestamps = 1, EnableSegmentTimestamps = 0,
        };
        m.Tdnn = new() { Model = s.Add("/off/tdnn") };
        m.Tokens = s.Add("/off/tokens.txt");
        m.NumThreads = 5;
        m.Debug = 1;
        m.Provider = s.Add("cpu");
        m.ModelType = s.Add("some_type");
        m.ModelingUnit = s.Add("cjkchar+bpe");
        m.BpeVocab = s.Add("/off/bpe.vocab");
        m.TelespeechCtc = s.Add("/off/telespeech");
        m.SenseVoice = new() { Model = s.Add("/off/sense-voice"), Language = s.Add("yue"), UseItn = 1 };
        m.Moonshine = new()
        {
            Preprocessor = s.Add("/off/m.pre"), Encoder = s.Add("/off/m.encoder"), UncachedDecoder = s.Add("/off/m.uncached"),
            CachedDecoder = s.Add("/off/m.cached"), MergedDecoder = s.Add("/off/m.merged"),
        };
        m.FireRedAsr = new() { Encoder = s.Add("/off/fr.encoder"), Decoder = s.Add("/off/fr.decoder") };
        m.Dolphin = new() { Model = s.Add("/off/dolphin") };
        m.ZipformerCtc = new() { Model = s.Add("/off/zctc") };
        m.Canary = new() { Encoder = s.Add("/off/c.encoder"), Decoder = s.Add("/off/c.decoder"), SrcLang = s.Add("en"), TgtLang = s.Add("fr"), UsePnc = 1 };
        m.WenetCtc = new() { Model = s.Add("/off/wenet") };
        m.Omnilingual = new() { Model = s.Add("/off/omni") };
        m.MedAsr = new() { Model = s.Add("/off/medasr") };
        m.FunAsrNano = new()
        {
            EncoderAdaptor = s.Add("/off/fn.adaptor"), Llm = s.Add("/off/fn.llm"), Embedding = s.Add("/off/fn.embedding"),
            Tokenizer = s.Add("/off/fn.tokenizer"), SystemPrompt = s.Add("sys"), UserPrompt = s.Add("usr"), MaxNewTokens = 77,
            Temperature = 0.5f, TopP = 0.25f, Seed = 99, Language = s.Add("ja"), Itn = 1, Hotwords = s.Add("a b"),
        };
        m.FireRedAsrCtc = new() { Model = s.Add("/off/frctc") };
        m.Qwen3Asr = new()
        {
            ConvFrontend = s.Add("/off/q.conv"), Encoder = s.Add("/off/q.encoder"), Decoder = s.Add("/off/q.decoder"),
            Tokenizer = s.Add("/off/q.tokenizer"), MaxTotalLen = 321, MaxNewTokens = 54, Temperature = 0.75f, TopP = 0.125f, Seed = 7,
            Hotwords = s.Add("x,y"),
        };
        m.CohereTranscribe = new() { Encoder = s.Add("/off/co.encoder"), Decoder = s.Add("/off/co.decoder"), Language = s.Add("ko"), UsePunct = 1, UseItn = 0 };

        var (recognizer, printed) = NativeStderr.Capture(() => SherpaOnnxNative.SherpaOnnxCreateOfflineRecognizer(in config));

        Assert.Equal(IntPtr.Zero, recognizer);
        AssertPrinted(printed,
            "FeatureExtractorConfig(sampling_rate=8123, feature_dim=77,",
            "OfflineTransducerModelConfig(encoder_filename=\"/off/t.encoder\", decoder_filename=\"/off/t.decoder\", joiner_filename=\"/off/t.joiner\"",
            "OfflineParaformerModelConfig(model=\"/off/paraformer\"",
            "OfflineNemoEncDecCtcModelConfig(model=\"/off/nemo\"",
            "OfflineWhisperModelConfig(encoder=\"/off/w.encoder\", decoder=\"/off/w.decoder\", language=\"de\", task=\"translate\", " +
            "tail_paddings=9, enable_token_timestamps=True, enable_segment_timestamps=False",
            "OfflineFireRedAsrModelConfig(encoder=\"/off/fr.encoder\", decoder=\"/off/fr.decoder\")",
            "OfflineTdnnModelConfig(model=\"/off/tdnn\")",
            "OfflineZipformerCtcModelConfig(model=\"/off/zctc\"",
            "OfflineWenetCtcModelConfig(model=\"/off/wenet\")",
            "OfflineSenseVoiceModelConfig(model=\"/off/sense-voice\"",
            "language=\"yue\", use_itn=True)",
            "OfflineMoonshineModelConfig(preprocessor=\"/off/m.pre\", encoder=\"/off/m.encoder\", uncached_decoder=\"/off/m.uncached\", " +
            "cached_decoder=\"/off/m.cached\", merged_decoder=\"/off/m.merged\"",
            "OfflineDolphinModelConfig(model=\"/off/dolphin\")",
            "OfflineCanaryModelConfig(encoder=\"/off/c.encoder\", decoder=\"/off/c.decoder\", src_lang=\"en\", tgt_lang=\"fr\", use_pnc=True)",
            "OfflineCohereTranscribeModelConfig(encoder=\"/off/co.encoder\", decoder=\"/off/co.decoder\", language=\"ko\", use_punct=True, use_itn=False)",
            "OfflineOmnilingualAsrCtcModelConfig(model=\"/off/omni\")",
            "OfflineFunASRNanoModelConfig(encoder_adaptor=\"/off/fn.adaptor\", llm=\"/off/fn.llm\", embedding=\"/off/fn.embedding\", " +
            "tokenizer=\"/off/fn.tokenizer\", system_prompt=\"sys\", user_prompt=\"usr\", max_new_tokens=77, temperature=0.5, top_p=0.25, " +
            "seed=99, language=\"ja\", itn=True, hotwords=\"a b\")",
            "OfflineMedAsrCtcModelConfig(model=\"/off/medasr\")",
            "OfflineFireRedAsrCtcModelConfig(model=\"/off/frctc\")",
            "OfflineQwen3ASRModelConfig(conv_frontend=\"/off/q.conv\", encoder=\"/off/q.encoder\", decoder=\"/off/q.decoder\", " +
            "tokenizer=\"/off/q.tokenizer\", hotwords=\"x,y\", max_total_len=321, max_new_tokens=54, temperature=0.75, top_p=0.125, seed=7)",
            "telespeech_ctc=\"/off/telespeech\", tokens=\"/off/tokens.txt\", num_threads=5, debug=True, provider=\"cpu\", " +
            "model_type=\"some_type\", modeling_unit=\"cjkchar+bpe\", bpe_vocab=\"/off/bpe.vocab\")",
            "OfflineLMConfig(model=\"/off/lm.onnx\", scale=0.625,",
            "decoding_method=\"modified_beam_search\", max_active_paths=9, hotwords_file=\"/off/hotwords.txt\", hotwords_score=3.5, " +
            "blank_penalty=1.5, rule_fsts=\"/off/rule.fst\", rule_fars=\"/off/rule.far\"",
            "HomophoneReplacerConfig(lexicon=\"/off/lexicon.txt\", rule_fsts=\"/off/hr.fst\")");
    }

    private static void AssertPrinted(string printed, params string[] expected)
    {
        foreach (var part in expected) Assert.True(printed.Contains(part, StringComparison.Ordinal), $"missing from the library's printout: {part}\n{printed}");
    }
}
