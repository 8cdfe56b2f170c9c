namespace Huawu.Speech.Tts;

/// <summary>
/// Turns text into 16-bit mono PCM, delivered as it is synthesized (sentence by sentence or finer), so playback
/// can start before the whole reply exists. Engines may be called from several calls at once; an engine that is
/// not re-entrant serializes internally.
/// </summary>
public interface ITextToSpeech
{
    /// <summary>The engine's name as configuration and the CLI spell it (<c>espeak</c>, <c>prompts</c>, <c>sherpa</c>, <c>http</c>).</summary>
    string Name { get; }

    /// <summary>The voices this engine offers.</summary>
    IReadOnlyList<VoiceInfo> Voices { get; }

    /// <summary>
    /// Synthesizes <paramref name="text"/> with <paramref name="voice"/>. Chunks come at the voice's sample rate;
    /// the sequence ends when the text is spoken, and stops early when <paramref name="cancellation"/> fires
    /// (barge-in). Failures of the engine (no such voice, a server error) end the sequence with a
    /// <see cref="SpeechEngineException"/> that says what went wrong.
    /// </summary>
    IAsyncEnumerable<SynthesizedAudio> SynthesizeAsync(SpeechText text, string voice, CancellationToken cancellation = default);
}

/// <summary>A voice: its id (what <see cref="ITextToSpeech.SynthesizeAsync"/> takes), language tag and sample rate.</summary>
public sealed record VoiceInfo(string Id, string Language, int SampleRate, string? Description = null);

/// <summary>
/// A piece of synthesized audio. <see cref="Samples"/> is owned by the consumer once yielded. <see cref="Offset"/>
/// is where it starts in the utterance, so a caller can tell how much was spoken before a barge-in.
/// </summary>
public sealed record SynthesizedAudio(short[] Samples, int SampleRate, TimeSpan Offset);
