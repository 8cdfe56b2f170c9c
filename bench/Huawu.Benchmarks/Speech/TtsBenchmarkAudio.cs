using Huawu.Speech.Tts;
using Huawu.Speech.Tts.Espeak;

namespace Huawu.Benchmarks.Speech;

internal static class TtsBenchmarkAudio
{
    public static EspeakTextToSpeech Espeak() =>
        EspeakTextToSpeech.TryCreate(out var engine, out var error) ? engine! : throw new InvalidOperationException(error);

    /// <summary>Plays an utterance to its end; returns its samples.</summary>
    public static async Task<long> CountAsync(IAsyncEnumerable<SynthesizedAudio> audio)
    {
        var samples = 0L;
        await foreach (var chunk in audio) samples += chunk.Samples.Length;
        return samples;
    }
}
