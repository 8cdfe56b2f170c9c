using System.Runtime.InteropServices;
using Huawu.Speech.Native;
using Huawu.Speech.Vad.Silero;
using Huawu.Testing;

namespace Huawu.Speech.Tests.Vad;

public sealed class SileroVoiceActivityDetectorTests
{
    private static string Model => SharedData.PathOf("models/silero-vad/silero_vad.onnx");

    [Fact]
    public void The_configuration_structs_have_the_layout_of_the_1_13_8_library()
    {
        // c-api.h: SherpaOnnxSileroVadModelConfig is {const char*, float×3, int32, float} = 32 bytes on x64, and
        // SherpaOnnxVadModelConfig {silero, int32 sample_rate, int32 num_threads, const char* provider, int32 debug,
        // ten_vad}. The offsets are those libsherpa-onnx-c-api.so 1.13.8 reads in SherpaOnnxCreateVoiceActivityDetector
        // (sample_rate at 0x20 defaulting to 16000, provider at 0x28, ten_vad.model at 0x38, its window at 0x4c).
        Assert.Equal(32, Marshal.SizeOf<SherpaOnnxNative.SileroVadModelConfig>());
        Assert.Equal(0x14, Offset<SherpaOnnxNative.SileroVadModelConfig>(nameof(SherpaOnnxNative.SileroVadModelConfig.WindowSize)));
        Assert.Equal(0x18, Offset<SherpaOnnxNative.SileroVadModelConfig>(nameof(SherpaOnnxNative.SileroVadModelConfig.MaxSpeechDuration)));
        Assert.Equal(0x20, Offset<SherpaOnnxNative.VadModelConfig>(nameof(SherpaOnnxNative.VadModelConfig.SampleRate)));
        Assert.Equal(0x24, Offset<SherpaOnnxNative.VadModelConfig>(nameof(SherpaOnnxNative.VadModelConfig.NumThreads)));
        Assert.Equal(0x28, Offset<SherpaOnnxNative.VadModelConfig>(nameof(SherpaOnnxNative.VadModelConfig.Provider)));
        Assert.Equal(0x30, Offset<SherpaOnnxNative.VadModelConfig>(nameof(SherpaOnnxNative.VadModelConfig.Debug)));
        Assert.Equal(0x38, Offset<SherpaOnnxNative.VadModelConfig>(nameof(SherpaOnnxNative.VadModelConfig.TenVad)));
        Assert.Equal(0x58, Marshal.SizeOf<SherpaOnnxNative.VadModelConfig>());
    }

    [Fact]
    public void Each_512_sample_window_is_judged_speech_or_not()
    {
        var reference = ReferenceSpeech.Named("en/jfk.wav");
        var audio = Recording.Load(reference.File).Samples;
        using var detector = SileroVoiceActivityDetector.Open(Model, 0.5f);
        Assert.Equal((16000, 512, "silero"), (detector.SampleRate, detector.WindowSamples, detector.Name));
        var decisions = Decisions(detector, audio);
        Assert.All(decisions, p => Assert.True(p is 0f or 1f));
        var windows = decisions.Select((p, n) => (Decision: p, Time: (n + 0.5) * 512 / 16000.0)).ToList();
        var inSpeech = windows.Where(w => reference.Speech.Any(r => w.Time >= r.Start && w.Time < r.End)).Average(w => w.Decision);
        var outside = windows.Where(w => !reference.Speech.Any(r => w.Time >= r.Start - 0.2 && w.Time < r.End + 0.35)).Average(w => w.Decision);
        Assert.True(inSpeech > 0.9, $"{inSpeech:P0} of the speech windows judged speech");
        Assert.True(outside < 0.05, $"{outside:P0} of the windows away from speech judged speech");
        Assert.Throws<ArgumentException>(() => detector.Process(new short[511]));
    }

    [Fact]
    public void Reset_starts_the_model_over()
    {
        var audio = Recording.Load("zh/funasr-asr_example.wav").Samples;
        using var detector = SileroVoiceActivityDetector.Open(Model, 0.5f);
        var first = Decisions(detector, audio);
        detector.Reset();
        Assert.Equal(first, Decisions(detector, audio));
    }

    [Fact]
    public void The_threshold_reaches_the_model()
    {
        var audio = Recording.Load("vad/aepyx_8k.wav");
        var wide = new short[audio.Samples.Length * 2];
        Huawu.Media.Dsp.Resampler.Create(8000, 16000).Process(audio.Samples, wide);
        using var lenient = SileroVoiceActivityDetector.Open(Model, 0.2f);
        using var strict = SileroVoiceActivityDetector.Open(Model, 0.8f);
        var lenientSpeech = Decisions(lenient, wide).Sum();
        var strictSpeech = Decisions(strict, wide).Sum();
        Assert.True(lenientSpeech > strictSpeech * 1.2, $"threshold 0.2: {lenientSpeech} speech windows, 0.8: {strictSpeech}");
    }

    private static float[] Decisions(SileroVoiceActivityDetector detector, short[] audio) =>
        Enumerable.Range(0, audio.Length / 512).Select(n => detector.Process(audio.AsSpan(n * 512, 512))).ToArray();

    private static int Offset<T>(string field) => (int)Marshal.OffsetOf<T>(field);
}
