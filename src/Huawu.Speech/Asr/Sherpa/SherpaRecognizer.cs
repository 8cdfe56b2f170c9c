using Huawu.Media.Dsp;
using Huawu.Speech.Configuration;

namespace Huawu.Speech.Asr.Sherpa;

/// <summary>
/// sherpa-onnx models from a model directory: streaming ones (zipformer transducer, paraformer) publish partials while
/// the caller speaks and end utterances by their own endpoint rules; offline ones (SenseVoice, paraformer) recognize a
/// whole segment after it ends. One native recognizer is shared by every session (each has its own stream: the
/// library decodes different streams concurrently).
/// </summary>
internal sealed class SherpaRecognizer : ISpeechRecognizer
{
    private readonly SherpaRecognizerHandle _handle;
    private readonly SherpaModelFiles _files;
    private readonly SherpaAsrOptions _options;

    private SherpaRecognizer(SherpaRecognizerHandle handle, SherpaModelFiles files, SherpaAsrOptions options, int sampleRate)
    {
        _handle = handle;
        _files = files;
        _options = options;
        SampleRate = sampleRate;
    }

    public string Name => "sherpa";

    public int SampleRate { get; }

    public bool IsStreaming => _files.IsStreaming;

    /// <summary>Checks the model directory file by file, then loads the model once for all sessions.</summary>
    public static SherpaRecognizer? TryCreate(SherpaAsrOptions options, string modelRoot, int sampleRate, out string? error)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (!Resampler.IsSupported(sampleRate, SherpaRecognizerConfig.ModelSampleRate))
        {
            error = $"speech.asr.sample_rate: {sampleRate} Hz audio cannot be converted to the model's {SherpaRecognizerConfig.ModelSampleRate} Hz";
            return null;
        }
        if (SherpaModelFiles.TryLocate(options, modelRoot, out error) is not { } files) return null;
        var handle = SherpaRecognizerHandle.TryCreate(files, options, out error);
        return handle is null ? null : new SherpaRecognizer(handle, files, options, sampleRate);
    }

    public IRecognitionSession StartSession(RecognitionOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (!_files.IsStreaming) return new SherpaOfflineSession(_handle, SampleRate);
        var hotWords = SherpaRecognizerConfig.TakesHotWords(_files, _options) && options.HotWords.Count > 0
            ? string.Join('\n', options.HotWords)
            : null;
        return new SherpaOnlineSession(_handle, hotWords, SampleRate);
    }

    public void Dispose() => _handle.Dispose();
}
