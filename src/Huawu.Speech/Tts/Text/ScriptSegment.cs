namespace Huawu.Speech.Tts.Text;

/// <summary>One step of what an engine does for a <see cref="SpeechText"/>: speak a sentence, or stay silent.</summary>
internal abstract record ScriptSegment
{
    private ScriptSegment() { }

    /// <summary>A sentence in words the voice reads as written (numbers already spelled out).</summary>
    public sealed record Sentence(string Text) : ScriptSegment;

    /// <summary>Silence of this length.</summary>
    public sealed record Pause(TimeSpan Duration) : ScriptSegment;
}
