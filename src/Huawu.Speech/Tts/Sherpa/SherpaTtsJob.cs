using Huawu.Speech.Tts.Synthesis;

namespace Huawu.Speech.Tts.Sherpa;

/// <summary>A sentence for a model's worker: text, speaker id, where its audio goes, and the caller's cancellation.</summary>
internal sealed record SherpaTtsJob(string Text, int Speaker, SentenceSynthesis Output, CancellationToken Cancellation);
