using System.Runtime.CompilerServices;
using System.Threading.Channels;
using Huawu.Speech.Tts;

namespace Huawu.Speech.Tests.Pipeline;

/// <summary>
/// A TTS engine whose audio the test hands over chunk by chunk (<see cref="Give"/>, <see cref="Finish"/>), so a test sees
/// playback start before synthesis ends, and sees synthesis cancelled.
/// </summary>
internal sealed class HandFedTts(int sampleRate = 8000) : ITextToSpeech
{
    private readonly Channel<short[]> _chunks = Channel.CreateUnbounded<short[]>();
    private int _cancelled;

    public string Name => "hand-fed";

    public IReadOnlyList<VoiceInfo> Voices { get; } = [new("v", "en", sampleRate)];

    public bool Cancelled => Volatile.Read(ref _cancelled) != 0;

    public void Give(short[] chunk) => _chunks.Writer.TryWrite(chunk);

    public void Finish() => _chunks.Writer.TryComplete();

    public async IAsyncEnumerable<SynthesizedAudio> SynthesizeAsync(SpeechText text, string voice,
        [EnumeratorCancellation] CancellationToken cancellation = default)
    {
        var offset = 0L;
        while (true)
        {
            short[] chunk;
            try
            {
                if (!await _chunks.Reader.WaitToReadAsync(cancellation)) yield break;
                if (!_chunks.Reader.TryRead(out chunk!)) continue;
            }
            catch (OperationCanceledException)
            {
                Interlocked.Exchange(ref _cancelled, 1);
                throw;
            }
            yield return new SynthesizedAudio(chunk, sampleRate, TimeSpan.FromSeconds((double)offset / sampleRate));
            offset += chunk.Length;
        }
    }

    /// <summary>A chunk of <paramref name="count"/> samples, each its index plus <paramref name="first"/> (so order shows).</summary>
    public static short[] Ramp(int first, int count) => [.. Enumerable.Range(first, count).Select(i => (short)i)];
}
