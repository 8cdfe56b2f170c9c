namespace Huawu.Speech.Tts.Caching;

/// <summary>A whole utterance as synthesized: one sample array at its rate.</summary>
internal sealed record CachedSpeech(short[] Samples, int SampleRate)
{
    private static readonly TimeSpan Chunk = TimeSpan.FromMilliseconds(100);

    public long Bytes => 2L * Samples.Length;

    /// <summary>The utterance again as 100 ms chunks, each a fresh array the consumer owns.</summary>
    public IEnumerable<SynthesizedAudio> Replay()
    {
        var size = Math.Max(1, (int)(Chunk.TotalSeconds * SampleRate));
        for (var at = 0; at < Samples.Length; at += size)
        {
            yield return new SynthesizedAudio(Samples[at..Math.Min(Samples.Length, at + size)], SampleRate, TimeSpan.FromSeconds((double)at / SampleRate));
        }
    }
}
