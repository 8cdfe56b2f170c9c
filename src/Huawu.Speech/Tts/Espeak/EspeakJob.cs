using Huawu.Speech.Tts.Synthesis;

namespace Huawu.Speech.Tts.Espeak;

/// <summary>A sentence for the worker: text, voice, where its audio goes, and the caller's cancellation (checked per audio buffer).</summary>
internal sealed record EspeakJob(string Text, string Voice, SentenceSynthesis Output, CancellationToken Cancellation);
