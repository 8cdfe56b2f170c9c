using BenchmarkDotNet.Attributes;
using Huawu.Media.Audio;
using Huawu.Media.Dsp;
using Huawu.Speech.Endpointing;
using Huawu.Speech.Vad;
using Huawu.Testing;

namespace Huawu.Benchmarks.Speech;

/// <summary>
/// Each VAD over ten seconds of real speech (jfk.wav: speech, pauses, crowd noise), window after window. The real-time
/// factor — audio seconds per CPU second — is 10 s divided by the mean time of one operation.
/// </summary>
[MemoryDiagnoser]
public class VadRealTimeFactorBenchmarks
{
    private IVoiceActivityDetector _detector = null!;
    private short[] _audio = null!;

    [Params("energy 8 kHz", "energy 16 kHz", "silero 16 kHz")]
    public string Engine { get; set; } = "";

    [GlobalSetup]
    public void Setup()
    {
        var clip = AudioClip.Load(SharedData.PathOf("testdata/audio/en/jfk.wav"));
        var rate = Engine.Contains("8 kHz", StringComparison.Ordinal) ? 8000 : 16000;
        _audio = clip.Samples[..(10 * clip.SampleRate)].ToArray();
        if (rate != clip.SampleRate)
        {
            var narrow = new short[_audio.Length / 2];
            Resampler.Create(clip.SampleRate, rate).Process(_audio, narrow);
            _audio = narrow;
        }
        var factory = Engine.StartsWith("silero", StringComparison.Ordinal)
            ? VoiceActivityDetectorFactory.Silero(SharedData.PathOf("models/silero-vad/silero_vad.onnx"))
            : VoiceActivityDetectorFactory.Energy();
        _detector = factory.Create(rate);
    }

    [GlobalCleanup]
    public void Cleanup() => _detector.Dispose();

    [Benchmark]
    public float TenSecondsOfSpeech()
    {
        _detector.Reset();
        var window = _detector.WindowSamples;
        var sum = 0f;
        for (var at = 0; at + window <= _audio.Length; at += window) sum += _detector.Process(_audio.AsSpan(at, window));
        return sum;
    }
}

/// <summary>
/// Endpointing one 20 ms frame at the call's rate: conversion to the detector's rate, window assembly, the state
/// machine and the history ring. The detector is a stand-in answering from a fixed pattern (utterances start and end
/// every few seconds), so the figure is the endpointer's own cost.
/// </summary>
[MemoryDiagnoser]
public class EndpointerBenchmarks
{
    private Endpointer _endpointer = null!;
    private short[] _frame = null!;

    [Params(8000, 16000, 48000)]
    public int Rate { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _endpointer = new Endpointer(new PatternDetector(), Rate, new EndpointingOptions());
        _frame = Enumerable.Range(0, Rate / 50).Select(i => (short)(3000 * Math.Sin(i * 0.3))).ToArray();
    }

    [Benchmark]
    public int ProcessFrame() => _endpointer.Process(_frame).Length;

    /// <summary>silero's shape (16 kHz, 512 samples); two seconds of speech, then two of silence, and so on.</summary>
    private sealed class PatternDetector : IVoiceActivityDetector
    {
        private long _windows;

        public string Name => "pattern";

        public int SampleRate => 16000;

        public int WindowSamples => 512;

        public float Process(ReadOnlySpan<short> window) => (_windows++ / 62) % 2 == 0 ? 0.9f : 0.1f;

        public void Reset() => _windows = 0;

        public void Dispose()
        {
        }
    }
}
