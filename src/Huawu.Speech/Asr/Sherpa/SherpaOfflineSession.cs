using System.Runtime.InteropServices;
using Huawu.Speech.Native;

namespace Huawu.Speech.Asr.Sherpa;

/// <summary>
/// One segment (a VAD-cut utterance) for an offline sherpa-onnx model: audio collects at the model's rate while it
/// arrives and is recognized in one pass when the segment ends; the one final result carries the language SenseVoice
/// detected.
/// </summary>
internal sealed unsafe class SherpaOfflineSession : QueuedRecognitionSession
{
    private readonly SherpaRecognizerHandle _recognizer;
    private readonly SherpaAudio _audio;
    private readonly bool _referenced;
    private float[] _samples = new float[16000];
    private int _length;

    public SherpaOfflineSession(SherpaRecognizerHandle recognizer, int sampleRate) : base(sampleRate)
    {
        _recognizer = recognizer;
        _audio = new SherpaAudio(sampleRate);
        recognizer.DangerousAddRef(ref _referenced);
        Run();
    }

    protected override ValueTask ProcessAsync(ReadOnlyMemory<short> samples, CancellationToken cancellation)
    {
        var converted = _audio.Convert(samples.Span);
        if (_length + converted.Length > _samples.Length) Array.Resize(ref _samples, Math.Max(_samples.Length * 2, _length + converted.Length));
        converted.CopyTo(_samples.AsSpan(_length));
        _length += converted.Length;
        return ValueTask.CompletedTask;
    }

    protected override Task FinishAsync(CancellationToken cancellation)
    {
        if (_length == 0)
        {
            Publish(new RecognitionResult("", IsFinal: true, TimeSpan.Zero, TimeSpan.Zero));
            return Task.CompletedTask;
        }
        var recognizer = _recognizer.DangerousGetHandle();
        var stream = SherpaOnnxNative.SherpaOnnxCreateOfflineStream(recognizer);
        if (stream == IntPtr.Zero) throw new SpeechEngineException("sherpa-onnx could not create a recognition stream");
        try
        {
            fixed (float* samples = _samples)
            {
                SherpaOnnxNative.SherpaOnnxAcceptWaveformOffline(stream, SherpaRecognizerConfig.ModelSampleRate, samples, _length);
            }
            SherpaOnnxNative.SherpaOnnxDecodeOfflineStream(recognizer, stream);
            var result = SherpaOnnxNative.SherpaOnnxGetOfflineStreamResult(stream);
            if (result is null) throw new SpeechEngineException("sherpa-onnx returned no result");
            try
            {
                var text = (Marshal.PtrToStringUTF8(result->Text) ?? "").Trim();
                Publish(new RecognitionResult(text, IsFinal: true, TimeSpan.Zero, AudioPosition, Language: LanguageOf(result->Lang)));
            }
            finally
            {
                SherpaOnnxNative.SherpaOnnxDestroyOfflineRecognizerResult(result);
            }
        }
        finally
        {
            SherpaOnnxNative.SherpaOnnxDestroyOfflineStream(stream);
        }
        return Task.CompletedTask;
    }

    protected override ValueTask ReleaseAsync()
    {
        if (_referenced) _recognizer.DangerousRelease();
        return ValueTask.CompletedTask;
    }

    /// <summary>SenseVoice tags the language as <c>&lt;|zh|&gt;</c>; other models leave it empty.</summary>
    internal static string? LanguageOf(IntPtr tag)
    {
        var language = (Marshal.PtrToStringUTF8(tag) ?? "").Trim('<', '|', '>', ' ');
        return language.Length == 0 || language == "nospeech" ? null : language;
    }
}
