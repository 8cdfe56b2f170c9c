namespace Huawu.Speech.Tts.Prompts;

/// <summary>One piece of a composed line: a recording, words for TTS, or silence.</summary>
internal abstract record PromptPiece
{
    private PromptPiece() { }

    public sealed record Recorded(PromptEntry Entry) : PromptPiece;

    public sealed record Spoken(SpeechText Text) : PromptPiece;

    public sealed record Silence(TimeSpan Duration) : PromptPiece;
}
