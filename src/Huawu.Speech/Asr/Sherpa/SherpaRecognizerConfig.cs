using Huawu.Speech.Configuration;
using Huawu.Speech.Native;

namespace Huawu.Speech.Asr.Sherpa;

/// <summary>
/// The native recognizer configurations for a located model directory. Fields left zero take the library's defaults
/// (c-api.cc's <c>SHERPA_ONNX_OR</c>); strings live in <paramref name="strings"/> until the Create call has copied them.
/// </summary>
internal static class SherpaRecognizerConfig
{
    /// <summary>Every pack Huawu installs is a 16 kHz model with 80 mel filterbank features.</summary>
    public const int ModelSampleRate = 16000;

    private const int FeatureDimension = 80;

    /// <summary>Endpoint rule 1: silence this long with nothing recognized ends the utterance (sherpa-onnx's default).</summary>
    private const float SilenceWithoutSpeechSeconds = 2.4f;

    public static SherpaOnnxNative.OnlineRecognizerConfig Online(SherpaModelFiles files, SherpaAsrOptions options, SherpaStrings strings)
    {
        ArgumentNullException.ThrowIfNull(files);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(strings);
        var config = new SherpaOnnxNative.OnlineRecognizerConfig
        {
            FeatConfig = Features(),
            DecodingMethod = strings.Add(DecodingMethod(files, options)),
            EnableEndpoint = options.Endpoint ? 1 : 0,
            Rule1MinTrailingSilence = SilenceWithoutSpeechSeconds,
            Rule2MinTrailingSilence = (float)options.EndpointSilenceSeconds,
            Rule3MinUtteranceLength = (float)options.MaxUtteranceSeconds,
        };
        config.ModelConfig.Tokens = strings.Add(files["tokens.txt"]);
        config.ModelConfig.NumThreads = options.NumThreads;
        config.ModelConfig.Provider = strings.Add(options.Provider);
        if (files.ModelType == "streaming_zipformer")
        {
            config.ModelConfig.Transducer = new SherpaOnnxNative.TransducerModelConfig
            {
                Encoder = strings.Add(files["encoder"]),
                Decoder = strings.Add(files["decoder"]),
                Joiner = strings.Add(files["joiner"]),
            };
        }
        else
        {
            config.ModelConfig.Paraformer = new SherpaOnnxNative.OnlineParaformerModelConfig
            {
                Encoder = strings.Add(files["encoder"]),
                Decoder = strings.Add(files["decoder"]),
            };
        }
        return config;
    }

    public static SherpaOnnxNative.OfflineRecognizerConfig Offline(SherpaModelFiles files, SherpaAsrOptions options, SherpaStrings strings)
    {
        ArgumentNullException.ThrowIfNull(files);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(strings);
        var config = new SherpaOnnxNative.OfflineRecognizerConfig
        {
            FeatConfig = Features(),
            DecodingMethod = strings.Add("greedy_search"),
        };
        config.ModelConfig.Tokens = strings.Add(files["tokens.txt"]);
        config.ModelConfig.NumThreads = options.NumThreads;
        config.ModelConfig.Provider = strings.Add(options.Provider);
        if (files.ModelType == "sense_voice")
        {
            config.ModelConfig.SenseVoice = new SherpaOnnxNative.OfflineSenseVoiceModelConfig
            {
                Model = strings.Add(files["model"]),
                Language = strings.Add(options.Language),
                UseItn = options.UseItn ? 1 : 0,
            };
        }
        else
        {
            config.ModelConfig.Paraformer = new SherpaOnnxNative.AsrModelPath { Model = strings.Add(files["model"]) };
        }
        return config;
    }

    /// <summary>Hot words bias the search only in a transducer's modified beam search; paraformers decode greedily.</summary>
    public static bool TakesHotWords(SherpaModelFiles files, SherpaAsrOptions options) =>
        files.ModelType == "streaming_zipformer" && options.DecodingMethod == "modified_beam_search";

    private static string DecodingMethod(SherpaModelFiles files, SherpaAsrOptions options) =>
        files.ModelType == "streaming_zipformer" ? options.DecodingMethod : "greedy_search";

    private static SherpaOnnxNative.FeatureConfig Features() => new() { SampleRate = ModelSampleRate, FeatureDim = FeatureDimension };
}
