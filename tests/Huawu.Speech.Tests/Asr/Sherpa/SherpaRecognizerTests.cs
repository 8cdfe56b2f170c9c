using System.Runtime.InteropServices;
using Huawu.Speech.Asr.Sherpa;
using Huawu.Speech.Configuration;
using Huawu.Speech.Tests.Support;

namespace Huawu.Speech.Tests.Asr.Sherpa;

/// <summary>
/// The sherpa-onnx engine without a model (none can be downloaded here): the configuration it builds from a located
/// pack, and the real library refusing it when the files vanish between the check and the load. Decoding itself
/// (partials, endpoints, offline results) needs a model and is not tested here.
/// </summary>
public sealed class SherpaRecognizerTests : IDisposable
{
    private readonly SherpaModelDirectory _models = new();

    public void Dispose() => _models.Dispose();

    [Fact]
    public void A_streaming_zipformer_pack_becomes_a_transducer_config_with_the_endpoint_rules()
    {
        var files = Located("streaming_zipformer", "encoder.onnx", "decoder.onnx", "joiner.onnx", "tokens.txt");
        var options = new SherpaAsrOptions
        {
            ModelType = "streaming_zipformer", DecodingMethod = "modified_beam_search", NumThreads = 2,
            EndpointSilenceSeconds = 0.8, MaxUtteranceSeconds = 12,
        };
        using var strings = new SherpaStrings();

        var config = SherpaRecognizerConfig.Online(files, options, strings);

        Assert.Equal((16000, 80), (config.FeatConfig.SampleRate, config.FeatConfig.FeatureDim));
        Assert.Equal(files["encoder"], Text(config.ModelConfig.Transducer.Encoder));
        Assert.Equal(files["decoder"], Text(config.ModelConfig.Transducer.Decoder));
        Assert.Equal(files["joiner"], Text(config.ModelConfig.Transducer.Joiner));
        Assert.Equal(IntPtr.Zero, config.ModelConfig.Paraformer.Encoder);
        Assert.Equal(files["tokens.txt"], Text(config.ModelConfig.Tokens));
        Assert.Equal((2, "cpu"), (config.ModelConfig.NumThreads, Text(config.ModelConfig.Provider)));
        Assert.Equal("modified_beam_search", Text(config.DecodingMethod));
        Assert.Equal((1, 0.8f, 12f), (config.EnableEndpoint, config.Rule2MinTrailingSilence, config.Rule3MinUtteranceLength));
        Assert.True(SherpaRecognizerConfig.TakesHotWords(files, options));
    }

    [Fact]
    public void A_streaming_paraformer_decodes_greedily_and_takes_no_hot_words()
    {
        var files = Located("streaming_paraformer", "encoder.int8.onnx", "decoder.int8.onnx", "tokens.txt");
        var options = new SherpaAsrOptions { ModelType = "streaming_paraformer", DecodingMethod = "modified_beam_search", Endpoint = false };
        using var strings = new SherpaStrings();

        var config = SherpaRecognizerConfig.Online(files, options, strings);

        Assert.Equal(files["encoder"], Text(config.ModelConfig.Paraformer.Encoder));
        Assert.Equal(files["decoder"], Text(config.ModelConfig.Paraformer.Decoder));
        Assert.Equal(IntPtr.Zero, config.ModelConfig.Transducer.Encoder);
        Assert.Equal("greedy_search", Text(config.DecodingMethod));
        Assert.Equal(0, config.EnableEndpoint);
        Assert.False(SherpaRecognizerConfig.TakesHotWords(files, options));
    }

    [Theory]
    [InlineData("sense_voice")]
    [InlineData("paraformer")]
    public void An_offline_pack_fills_its_own_family_of_the_offline_config(string modelType)
    {
        var files = Located(modelType, "model.int8.onnx", "tokens.txt");
        using var strings = new SherpaStrings();

        var config = SherpaRecognizerConfig.Offline(files, new SherpaAsrOptions { ModelType = modelType, Language = "zh", UseItn = false }, strings);

        var senseVoice = modelType == "sense_voice";
        Assert.Equal(senseVoice ? files["model"] : null, Text(config.ModelConfig.SenseVoice.Model));
        Assert.Equal(senseVoice ? null : files["model"], Text(config.ModelConfig.Paraformer.Model));
        Assert.Equal(senseVoice ? "zh" : null, Text(config.ModelConfig.SenseVoice.Language));
        Assert.Equal(0, config.ModelConfig.SenseVoice.UseItn);
        Assert.Equal(files["tokens.txt"], Text(config.ModelConfig.Tokens));
    }

    [Theory]
    [InlineData("streaming_zipformer", "encoder.onnx", "decoder.onnx", "joiner.onnx")]
    [InlineData("sense_voice", "model.onnx")]
    public void The_library_refuses_files_that_vanished_after_the_check_and_the_engine_says_so(string modelType, params string[] models)
    {
        var files = Located(modelType, [.. models, "tokens.txt"]);
        foreach (var file in files.Files.Values) File.Delete(file);

        var options = new SherpaAsrOptions { ModelType = modelType };
        var ((handle, error), printed) = NativeStderr.Capture(() => (SherpaRecognizerHandle.TryCreate(files, options, out var e), e));

        Assert.Null(handle);
        Assert.Equal($"sherpa-onnx refused the {modelType} model in {files.Directory} (its reasons are on standard error)", error);
        // The library names a file of ours as missing: the paths reached the fields it checks.
        Assert.Contains($"{files.Directory}/", printed, StringComparison.Ordinal);
        Assert.Contains("does not exist", printed, StringComparison.Ordinal);
    }

    [Fact]
    public void A_session_rate_the_model_rate_cannot_be_reached_from_is_refused()
    {
        _models.Pack("sense-voice", "model.onnx", "tokens.txt");
        var options = new SherpaAsrOptions { ModelDir = "sense-voice", ModelType = "sense_voice" };
        Assert.Null(SherpaRecognizer.TryCreate(options, _models.Root, 11025, out var error));
        Assert.Equal("speech.asr.sample_rate: 11025 Hz audio cannot be converted to the model's 16000 Hz", error);
    }

    [Theory]
    [InlineData("<|zh|>", "zh")]
    [InlineData("<|en|>", "en")]
    [InlineData("<|nospeech|>", null)]
    [InlineData("", null)]
    public void SenseVoice_language_tags_become_language_codes(string tag, string? language)
    {
        var native = Marshal.StringToCoTaskMemUTF8(tag);
        try
        {
            Assert.Equal(language, SherpaOfflineSession.LanguageOf(native));
        }
        finally
        {
            Marshal.FreeCoTaskMem(native);
        }
    }

    private SherpaModelFiles Located(string modelType, params string[] files)
    {
        _models.Pack(modelType, files);
        var options = new SherpaAsrOptions { ModelDir = modelType, ModelType = modelType };
        return SherpaModelFiles.TryLocate(options, _models.Root, out var error) ?? throw new InvalidOperationException(error);
    }

    private static string? Text(IntPtr utf8) => Marshal.PtrToStringUTF8(utf8);
}
