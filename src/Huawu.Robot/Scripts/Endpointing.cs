using Huawu.Speech.Pipeline;

namespace Huawu.Robot.Scripts;

/// <summary>
/// How the speech recognizer decides the callee has finished a turn at a node: speech shorter than
/// <paramref name="MinSpeechMs"/> is noise, <paramref name="TrailingSilenceMs"/> of silence ends the turn, a turn is cut
/// at <paramref name="MaxUtteranceMs"/>, and nothing heard for <paramref name="NoInputTimeoutMs"/> is a silence.
/// </summary>
public sealed record Endpointing(int MinSpeechMs, int TrailingSilenceMs, int MaxUtteranceMs, int NoInputTimeoutMs)
{
    /// <summary>
    /// The pipeline's conversational endpointing (150 ms of speech, 200 ms of trailing silence), so a robot's reply can
    /// meet issue 4's target of 300 ms at p50; then 15 s of talk and 6 s of nothing. A node asks for a longer pause
    /// where callees think aloud (a number read slowly, an address).
    /// </summary>
    public static Endpointing Default { get; } = new(
        (int)ListenOptions.ConversationalEndpointing.MinSpeech.TotalMilliseconds,
        (int)ListenOptions.ConversationalEndpointing.TrailingSilence.TotalMilliseconds,
        15_000,
        6_000);
}

/// <summary>What a node listens with; each field comes from the node, else the script's <c>defaults</c>, else built-in values.</summary>
internal sealed record NodeSettings(bool BargeIn, Endpointing Endpointing, double Confidence, int MaxRounds, int MaxSilences)
{
    public static NodeSettings Default { get; } = new(true, Endpointing.Default, 0.5, 3, 2);
}
