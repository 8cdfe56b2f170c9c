using System.Runtime.CompilerServices;
using Huawu.Speech.Tts;

namespace Huawu.Speech.Tests.Tts;

/// <summary>
/// A TTS engine for tests of what sits around engines: says each text as three 10 ms chunks derived from the text,
/// counts its syntheses, can hold after the first chunk until released, fail there, and notices cancellation.
/// </summary>
internal sealed class FakeTts : ITextToSpeech
{
    private int _calls;
    private int _cancelled;

    public string Name => "fake";

    public IReadOnlyList<VoiceInfo> Voices { get; } = [new("v1", "en", 16000), new("v2", "zh", 16000)];

    public int Calls => Volatile.Read(ref _calls);

    public int Cancelled => Volatile.Read(ref _cancelled);

    /// <summary>When set, synthesis waits here after its first chunk.</summary>
    public TaskCompletionSource? Hold { get; set; }

    public bool FailAfterFirstChunk { get; set; }

    public static short[] ChunkFor(string text, int index) =>
        Enumerable.Range(0, 160).Select(i => (short)((text.GetHashCode(StringComparison.Ordinal) + (index * 1000) + i) % 30000)).ToArray();

    public async IAsyncEnumerable<SynthesizedAudio> SynthesizeAsync(SpeechText text, string voice,
        [EnumeratorCancellation] CancellationToken cancellation = default)
    {
        Interlocked.Increment(ref _calls);
        var words = string.Concat(text.Parts.OfType<SpeechPart.Text>().Select(p => p.Value.Trim()));
        for (var i = 0; i < 3; i++)
        {
            yield return new SynthesizedAudio(ChunkFor(voice + words, i), 16000, TimeSpan.FromMilliseconds(10 * i));
            if (i > 0) continue;
            if (FailAfterFirstChunk) throw new SpeechEngineException("the fake engine broke");
            if (Hold is { } hold)
            {
                try
                {
                    await hold.Task.WaitAsync(cancellation);
                }
                catch (OperationCanceledException)
                {
                    Interlocked.Increment(ref _cancelled);
                    throw;
                }
            }
        }
    }
}
