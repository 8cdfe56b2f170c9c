using Huawu.Speech.Asr.Sherpa;
using Huawu.Speech.Configuration;

namespace Huawu.Speech.Tests.Asr.Sherpa;

/// <summary>
/// A model directory is checked file by file before sherpa-onnx sees it (a file the library cannot parse ends the
/// process), and every problem is named in one message that names the configuration key.
/// </summary>
public sealed class SherpaModelFilesTests : IDisposable
{
    private readonly SherpaModelDirectory _models = new();

    public void Dispose() => _models.Dispose();

    [Theory]
    [InlineData(true, "encoder-epoch-99-avg-1.int8.onnx")]
    [InlineData(false, "encoder-epoch-99-avg-1.onnx")]
    public void A_streaming_zipformer_pack_is_found_by_role_with_the_preferred_precision(bool preferInt8, string encoder)
    {
        var pack = _models.Pack("zipformer", "encoder-epoch-99-avg-1.onnx", "encoder-epoch-99-avg-1.int8.onnx", "decoder-epoch-99-avg-1.onnx",
            "joiner-epoch-99-avg-1.int8.onnx", "tokens.txt", "bpe.model");
        var options = new SherpaAsrOptions { ModelDir = "zipformer", ModelType = "streaming_zipformer", PreferInt8 = preferInt8 };

        var files = SherpaModelFiles.TryLocate(options, _models.Root, out var error);

        Assert.Null(error);
        Assert.NotNull(files);
        Assert.True(files.IsStreaming);
        Assert.Equal(Path.Combine(pack, encoder), files["encoder"]);
        // Only one precision of these exists: it is taken whatever the preference.
        Assert.Equal(Path.Combine(pack, "decoder-epoch-99-avg-1.onnx"), files["decoder"]);
        Assert.Equal(Path.Combine(pack, "joiner-epoch-99-avg-1.int8.onnx"), files["joiner"]);
        Assert.Equal(Path.Combine(pack, "tokens.txt"), files["tokens.txt"]);
    }

    [Fact]
    public void A_SenseVoice_pack_is_offline()
    {
        _models.Pack("sense-voice", "model.int8.onnx", "tokens.txt");
        var files = SherpaModelFiles.TryLocate(new SherpaAsrOptions { ModelDir = "sense-voice", ModelType = "sense_voice" }, _models.Root, out var error);
        Assert.Null(error);
        Assert.False(files!.IsStreaming);
        Assert.EndsWith("model.int8.onnx", files["model"], StringComparison.Ordinal);
    }

    [Fact]
    public void Every_missing_file_is_named_in_one_message()
    {
        var pack = _models.Pack("incomplete", "decoder.onnx");
        File.WriteAllBytes(Path.Combine(pack, "tokens.txt"), []);
        var options = new SherpaAsrOptions { ModelDir = "incomplete", ModelType = "streaming_zipformer" };

        Assert.Null(SherpaModelFiles.TryLocate(options, _models.Root, out var error));
        Assert.Equal($"speech.asr.sherpa.model_dir: {pack} is not a usable streaming_zipformer model: " +
                     "lacks encoder*.onnx; lacks joiner*.onnx; lacks tokens.txt", error);
    }

    [Fact]
    public void A_file_that_is_not_ONNX_is_refused_before_the_library_could_abort_on_it()
    {
        var pack = _models.Pack("lfs", "tokens.txt");
        File.WriteAllText(Path.Combine(pack, "model.onnx"), "version https://git-lfs.github.com/spec/v1\noid sha256:0\nsize 1\n");
        var options = new SherpaAsrOptions { ModelDir = "lfs", ModelType = "paraformer" };

        Assert.Null(SherpaModelFiles.TryLocate(options, _models.Root, out var error));
        Assert.Contains("model.onnx is not an ONNX model", error, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_directory_says_where_it_was_looked_for_and_how_to_get_packs()
    {
        Assert.Null(SherpaModelFiles.TryLocate(new SherpaAsrOptions { ModelDir = "absent" }, _models.Root, out var error));
        Assert.StartsWith($"speech.asr.sherpa.model_dir: no model directory at {Path.Combine(_models.Root, "absent")}", error, StringComparison.Ordinal);
        Assert.Contains("./huawu models pull", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Invalid_options_are_reported_by_key_before_the_disk_is_looked_at()
    {
        var options = new SherpaAsrOptions { ModelType = "whisper", NumThreads = 0 };
        Assert.Null(SherpaModelFiles.TryLocate(options, _models.Root, out var error));
        Assert.Contains("speech.asr.sherpa.model_type: 'whisper' is not one of", error, StringComparison.Ordinal);
        Assert.Contains("speech.asr.sherpa.num_threads", error, StringComparison.Ordinal);
    }
}
