using System.Runtime.CompilerServices;
using Huawu.Speech.Tts.Text;

namespace Huawu.Speech.Tts.Synthesis;

/// <summary>
/// What engines that speak a sentence at a time share: resolving the voice, playing the <see cref="SpeechScript"/>
/// (sentences from the engine, pauses as silence), numbering the audio's offsets, and starting the next sentence as
/// soon as the engine has finished the current one, so playback never waits for synthesis between sentences while
/// an engine shared by many calls still takes one sentence of each utterance at a time.
/// </summary>
internal abstract class SentenceEngine : ITextToSpeech
{
    private static readonly TimeSpan SilenceChunk = TimeSpan.FromMilliseconds(200);
    private long _sentencesStarted;
    private long _samplesProduced;

    public abstract string Name { get; }

    public abstract IReadOnlyList<VoiceInfo> Voices { get; }

    /// <summary>Sentences this engine has handed to its synthesizer: shows how far ahead of playback synthesis runs.</summary>
    public long SentencesStarted => Interlocked.Read(ref _sentencesStarted);

    /// <summary>Samples the synthesizer has produced for this engine, including those of cancelled sentences.</summary>
    public long SamplesProduced => Interlocked.Read(ref _samplesProduced);

    public async IAsyncEnumerable<SynthesizedAudio> SynthesizeAsync(SpeechText text, string voice,
        [EnumeratorCancellation] CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(text);
        var info = FindVoice(voice);
        var script = SpeechScript.Build(text, text.Language ?? info.Language);
        // Stops sentences already handed to the engine when the consumer leaves early without cancelling.
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellation);
        var samplesSoFar = 0L;
        (int Index, SentenceSynthesis Synthesis)? next = null;
        try
        {
            for (var i = 0; i < script.Count; i++)
            {
                if (script[i] is ScriptSegment.Pause pause)
                {
                    foreach (var silence in Silence(pause.Duration, info.SampleRate))
                    {
                        yield return new SynthesizedAudio(silence, info.SampleRate, Offset(samplesSoFar, info.SampleRate));
                        samplesSoFar += silence.Length;
                    }
                    continue;
                }
                var current = next is { } started && started.Index == i ? started.Synthesis : Start(script, i, info, stop.Token);
                next = null;
                while (await current.Audio.WaitToReadAsync(stop.Token))
                {
                    while (current.Audio.TryRead(out var samples))
                    {
                        if (next is null && current.Produced.IsCompleted && NextSentence(script, i) is { } following)
                        {
                            next = (following, Start(script, following, info, stop.Token));
                        }
                        yield return new SynthesizedAudio(samples, info.SampleRate, Offset(samplesSoFar, info.SampleRate));
                        samplesSoFar += samples.Length;
                    }
                }
            }
        }
        finally
        {
            await stop.CancelAsync();
        }
    }

    /// <summary>Hands a sentence to the synthesizer, which writes its audio to <paramref name="output"/> and completes it.</summary>
    protected abstract void StartSentence(string sentence, VoiceInfo voice, SentenceSynthesis output, CancellationToken cancellation);

    /// <summary>The voice with this id, or a <see cref="SpeechEngineException"/> listing the ones there are.</summary>
    protected virtual VoiceInfo FindVoice(string voice)
    {
        ArgumentNullException.ThrowIfNull(voice);
        return Voices.FirstOrDefault(v => string.Equals(v.Id, voice, StringComparison.OrdinalIgnoreCase))
               ?? throw new SpeechEngineException(
                   $"The {Name} engine has no voice '{voice}'. Voices: {string.Join(", ", Voices.Select(v => v.Id).Take(40))}.");
    }

    private SentenceSynthesis Start(List<ScriptSegment> script, int index, VoiceInfo voice, CancellationToken cancellation)
    {
        Interlocked.Increment(ref _sentencesStarted);
        var output = new SentenceSynthesis(count => Interlocked.Add(ref _samplesProduced, count));
        StartSentence(((ScriptSegment.Sentence)script[index]).Text, voice, output, cancellation);
        return output;
    }

    private static int? NextSentence(List<ScriptSegment> script, int after)
    {
        for (var i = after + 1; i < script.Count; i++)
        {
            if (script[i] is ScriptSegment.Sentence) return i;
        }
        return null;
    }

    private static IEnumerable<short[]> Silence(TimeSpan duration, int sampleRate)
    {
        var remaining = (long)Math.Round(duration.TotalSeconds * sampleRate);
        var chunk = (int)(SilenceChunk.TotalSeconds * sampleRate);
        for (; remaining > 0; remaining -= chunk) yield return new short[Math.Min(chunk, remaining)];
    }

    private static TimeSpan Offset(long samples, int sampleRate) => TimeSpan.FromSeconds((double)samples / sampleRate);
}
