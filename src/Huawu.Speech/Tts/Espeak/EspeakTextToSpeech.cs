using Huawu.Speech.Tts.Synthesis;

namespace Huawu.Speech.Tts.Espeak;

/// <summary>
/// espeak-ng through its library (the embedded default engine): Mandarin (<c>cmn</c>), English (<c>en-us</c>,
/// <c>en-gb</c>…) and the other languages of espeak-ng-data, at espeak-ng's native 22050 Hz. A voice may carry an
/// espeak-ng variant (<c>en-us+f3</c>). Sentences go to the process's one <see cref="EspeakWorker"/>.
/// </summary>
internal sealed class EspeakTextToSpeech(EspeakWorker worker) : SentenceEngine
{
    public override string Name => TtsEngineNames.Espeak;

    public override IReadOnlyList<VoiceInfo> Voices => worker.Voices;

    /// <summary>The engine on the process's espeak-ng worker; false with the reason when espeak-ng is not installed.</summary>
    public static bool TryCreate(out EspeakTextToSpeech? engine, out string? error)
    {
        engine = EspeakWorker.TryGet(out var worker, out error) ? new EspeakTextToSpeech(worker!) : null;
        return engine is not null;
    }

    protected override VoiceInfo FindVoice(string voice)
    {
        ArgumentNullException.ThrowIfNull(voice);
        var variant = voice.IndexOf('+', StringComparison.Ordinal);
        if (variant < 0) return base.FindVoice(voice);
        return base.FindVoice(voice[..variant]) with { Id = voice };
    }

    protected override void StartSentence(string sentence, VoiceInfo voice, SentenceSynthesis output, CancellationToken cancellation)
    {
        // A variant (en-us+f3) rides on the voice file's identifier: gmw/en-US+f3.
        var variant = voice.Id.IndexOf('+', StringComparison.Ordinal);
        var file = worker.Identifiers[variant < 0 ? voice.Id : voice.Id[..variant]];
        worker.Enqueue(new EspeakJob(sentence, variant < 0 ? file : file + voice.Id[variant..], output, cancellation));
    }
}
