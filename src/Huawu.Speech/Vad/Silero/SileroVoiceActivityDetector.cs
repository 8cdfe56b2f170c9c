using System.Runtime.InteropServices;
using Huawu.Speech.Native;

namespace Huawu.Speech.Vad.Silero;

/// <summary>
/// silero VAD run by sherpa-onnx's C API, one native detector (and ONNX session) per audio stream.
/// </summary>
/// <remarks>
/// sherpa-onnx 1.13.8's C API has no per-window probability: its detector segments speech itself, and
/// <c>SherpaOnnxVoiceActivityDetectorDetected</c> says whether the last window left it inside speech. With the minimum
/// speech and silence durations set to (almost) zero, that flag is the model's own per-window decision: speech from the
/// second consecutive window whose probability exceeds the threshold, until a window falls below threshold − 0.15
/// (silero-vad-model.cc, <c>IsSpeech</c>). <see cref="Process"/> reports it as 1 or 0, so the endpointer's thresholds
/// only see the decision; the silero threshold itself is <c>speech.vad.silero_threshold</c>.
/// </remarks>
internal sealed class SileroVoiceActivityDetector : IVoiceActivityDetector
{
    public const int Rate = 16000;

    /// <summary>silero's window at 16 kHz (v5 requires exactly 512).</summary>
    public const int Window = 512;

    // The C API clamps 0 to its defaults (SHERPA_ONNX_OR) and its Validate() wants > 0: a microsecond is 0 samples.
    private const float NoMinimumSeconds = 1e-6f;

    // Above this the native detector raises its threshold to force a split; the flushes below keep segments far shorter.
    private const float NoMaximumSeconds = 3600f;

    // The native detector keeps every sample of an open segment until it closes. Flushing after ~2 s of continuous
    // speech bounds that buffer (and the segment copies it queues) without touching the model's state.
    private const int FlushAfterSpeechWindows = 2 * Rate / Window;
    private const float BufferSeconds = 4f;

    private readonly VoiceActivityDetectorHandle _handle;
    private readonly float[] _samples = new float[Window];
    private int _speechWindows;

    private SileroVoiceActivityDetector(VoiceActivityDetectorHandle handle) => _handle = handle;

    public string Name => "silero";

    public int SampleRate => Rate;

    public int WindowSamples => Window;

    /// <summary>
    /// Opens a detector on a model <see cref="SileroModelFile"/> has accepted (sherpa-onnx aborts the process on a bad one).
    /// </summary>
    /// <exception cref="SpeechEngineException">The native library is missing or refused the configuration.</exception>
    public static SileroVoiceActivityDetector Open(string checkedModelPath, float threshold)
    {
        SherpaOnnxLibrary.EnsureLoaded();
        var model = Marshal.StringToCoTaskMemUTF8(checkedModelPath);
        var provider = Marshal.StringToCoTaskMemUTF8("cpu");
        try
        {
            var config = new SherpaOnnxNative.VadModelConfig
            {
                SileroVad = new SherpaOnnxNative.SileroVadModelConfig
                {
                    Model = model,
                    Threshold = threshold,
                    MinSilenceDuration = NoMinimumSeconds,
                    MinSpeechDuration = NoMinimumSeconds,
                    WindowSize = Window,
                    MaxSpeechDuration = NoMaximumSeconds,
                },
                SampleRate = Rate,
                // One thread per stream: many calls run side by side, each on the thread pool.
                NumThreads = 1,
                Provider = provider,
            };
            var handle = SherpaOnnxNative.SherpaOnnxCreateVoiceActivityDetector(config, BufferSeconds);
            if (handle.IsInvalid)
            {
                handle.Dispose();
                throw new SpeechEngineException(
                    $"sherpa-onnx refused the silero VAD configuration for '{checkedModelPath}' (threshold {threshold}); its log above says why.");
            }
            return new SileroVoiceActivityDetector(handle);
        }
        finally
        {
            Marshal.FreeCoTaskMem(model);
            Marshal.FreeCoTaskMem(provider);
        }
    }

    public unsafe float Process(ReadOnlySpan<short> window)
    {
        if (window.Length != Window) throw new ArgumentException($"silero takes windows of {Window} samples, not {window.Length}.", nameof(window));
        for (var i = 0; i < window.Length; i++) _samples[i] = window[i] * (1f / 32768f);
        fixed (float* samples = _samples)
        {
            SherpaOnnxNative.SherpaOnnxVoiceActivityDetectorAcceptWaveform(_handle, samples, Window);
        }
        var speech = SherpaOnnxNative.SherpaOnnxVoiceActivityDetectorDetected(_handle) != 0;
        // Segments are queued (copied) each time speech closes; the endpointer makes its own, so drop them.
        if (SherpaOnnxNative.SherpaOnnxVoiceActivityDetectorEmpty(_handle) == 0) SherpaOnnxNative.SherpaOnnxVoiceActivityDetectorClear(_handle);
        _speechWindows = speech ? _speechWindows + 1 : 0;
        if (_speechWindows >= FlushAfterSpeechWindows)
        {
            SherpaOnnxNative.SherpaOnnxVoiceActivityDetectorFlush(_handle);
            SherpaOnnxNative.SherpaOnnxVoiceActivityDetectorClear(_handle);
            _speechWindows = 0;
        }
        return speech ? 1f : 0f;
    }

    public void Reset()
    {
        SherpaOnnxNative.SherpaOnnxVoiceActivityDetectorReset(_handle);
        _speechWindows = 0;
    }

    public void Dispose() => _handle.Dispose();
}
