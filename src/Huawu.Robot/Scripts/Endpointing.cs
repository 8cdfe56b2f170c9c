namespace Huawu.Robot.Scripts;

/// <summary>
/// How the speech recognizer decides the callee has finished a turn at a node: speech shorter than
/// <paramref name="MinSpeechMs"/> is noise, <paramref name="TrailingSilenceMs"/> of silence ends the turn, a turn is cut
/// at <paramref name="MaxUtteranceMs"/>, and nothing heard for <paramref name="NoInputTimeoutMs"/> is a silence.
/// </summary>
public sealed record Endpointing(int MinSpeechMs, int TrailingSilenceMs, int MaxUtteranceMs, int NoInputTimeoutMs)
{
    /// <summary>Telephone-conversation defaults: a 200 ms word, a 700 ms pause, 15 s of talk, 6 s of nothing.</summary>
    public static Endpointing Default { get; } = new(200, 700, 15_000, 6_000);
}

/// <summary>What a node listens with; each field comes from the node, else the script's <c>defaults</c>, else built-in values.</summary>
internal sealed record NodeSettings(bool BargeIn, Endpointing Endpointing, double Confidence, int MaxRounds, int MaxSilences)
{
    public static NodeSettings Default { get; } = new(true, Endpointing.Default, 0.5, 3, 2);
}
