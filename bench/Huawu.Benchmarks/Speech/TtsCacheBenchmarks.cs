using BenchmarkDotNet.Attributes;
using Huawu.Speech.Tts;
using Huawu.Speech.Tts.Caching;

namespace Huawu.Benchmarks.Speech;

/// <summary>A repeated prompt replayed from the memory cache: the key (script normalization) and the copied chunks.</summary>
[MemoryDiagnoser]
public class TtsCacheBenchmarks
{
    private readonly SpeechText _text = SpeechText.Plain(TtsEspeakBenchmarks.Mandarin);
    private CachingTextToSpeech _cached = null!;

    [GlobalSetup]
    public void Setup()
    {
        _cached = new CachingTextToSpeech(TtsBenchmarkAudio.Espeak(), new TtsAudioCache(64 << 20));
        TtsBenchmarkAudio.CountAsync(_cached.SynthesizeAsync(_text, "cmn")).GetAwaiter().GetResult();
    }

    [Benchmark]
    public Task<long> CacheHit() => TtsBenchmarkAudio.CountAsync(_cached.SynthesizeAsync(_text, "cmn"));
}
