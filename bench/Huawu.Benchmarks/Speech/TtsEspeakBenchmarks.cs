using BenchmarkDotNet.Attributes;
using Huawu.Speech.Tts;
using Huawu.Speech.Tts.Espeak;

namespace Huawu.Benchmarks.Speech;

/// <summary>
/// espeak-ng through the library: a whole three-sentence reply (its real-time factor is the mean divided by the
/// audio's length, printed at setup) and the time to its first chunk — what a caller waits before the robot speaks.
/// </summary>
[MemoryDiagnoser]
public class TtsEspeakBenchmarks
{
    internal const string Mandarin = "您好，这里是话务客服中心。请问您现在方便接听电话吗？我们想和您确认一下订单信息。";
    private const string English = "Hello, this is the customer service center. Is now a good time to talk? We would like to confirm your order.";
    private EspeakTextToSpeech _engine = null!;
    private SpeechText _text = null!;

    [Params("cmn", "en-us")]
    public string Voice { get; set; } = "cmn";

    [GlobalSetup]
    public void Setup()
    {
        _engine = TtsBenchmarkAudio.Espeak();
        _text = SpeechText.Plain(Voice == "cmn" ? Mandarin : English);
        var samples = Whole().GetAwaiter().GetResult();
        Console.WriteLine($"// {Voice}: {samples / 22050.0:0.00} s of audio; real-time factor = Whole's mean / that");
    }

    [Benchmark]
    public Task<long> Whole() => TtsBenchmarkAudio.CountAsync(_engine.SynthesizeAsync(_text, Voice));

    /// <summary>Leaving after the first chunk cancels the rest, as a barge-in would.</summary>
    [Benchmark]
    public async Task<int> FirstChunk()
    {
        await using var audio = _engine.SynthesizeAsync(_text, Voice).GetAsyncEnumerator();
        await audio.MoveNextAsync();
        return audio.Current.Samples.Length;
    }
}
