using Huawu.Speech.Asr;
using Huawu.Speech.Asr.Dtmf;
using Huawu.Speech.Endpointing;

namespace Huawu.Speech.Pipeline;

/// <summary>
/// How one turn listens (a script node's question): its endpointing, whether the caller may interrupt the robot, its
/// timers, what the recognizer listens for and how keys are collected. Immutable: derive variants with <c>with</c>.
/// </summary>
public sealed record ListenOptions
{
    /// <summary>
    /// Conversational endpointing: 200 ms of trailing silence ends a turn (people leave about that much between turns;
    /// the reply then comes within the 300 ms the robot aims at), 150 ms of speech starts one, 60 ms is a barge-in.
    /// </summary>
    public static EndpointingOptions ConversationalEndpointing { get; } = new()
    {
        TrailingSilence = TimeSpan.FromMilliseconds(200),
        MinSpeech = TimeSpan.FromMilliseconds(150),
        OnsetSpeech = TimeSpan.FromMilliseconds(60),
    };

    /// <summary>When an utterance starts and ends; <see cref="EndpointingOptions.OnsetSpeech"/> is the barge-in trigger.</summary>
    public EndpointingOptions Endpointing { get; init; } = ConversationalEndpointing;

    /// <summary>
    /// Whether the caller may interrupt the robot: speech (or a key) while it plays stops the playback at the next tick
    /// and is this turn's input. When false, what the caller says over the robot is not taken.
    /// </summary>
    public bool BargeIn { get; init; } = true;

    /// <summary>Reported as no input when neither speech nor a key has come this long after the robot stopped speaking.</summary>
    public TimeSpan NoInputTimeout { get; init; } = TimeSpan.FromSeconds(6);

    /// <summary>How long the recognizer may take after the end of an utterance before the turn is reported as no match.</summary>
    public TimeSpan NoMatchTimeout { get; init; } = TimeSpan.FromSeconds(3);

    /// <summary>A final result below this confidence is a no match (engines without a confidence are taken as they are).</summary>
    public float MinConfidence { get; init; }

    /// <summary>What the recognizer listens for (language, grammar, hot words).</summary>
    public RecognitionOptions Recognition { get; init; } = new();

    /// <summary>Keys that make a complete answer (1: any key answers at once).</summary>
    public int MaxKeys { get; init; } = 1;

    /// <summary>The key that ends a longer entry early (not part of it); null for none.</summary>
    public char? KeyTerminator { get; init; } = '#';

    /// <summary>A longer entry ends this long after its last key.</summary>
    public TimeSpan InterKeyTimeout { get; init; } = TimeSpan.FromSeconds(3);

    /// <summary>The problems with these options, each naming the property; empty when they are usable.</summary>
    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        if (Endpointing is null) errors.Add($"{nameof(Endpointing)}: required");
        else errors.AddRange(Endpointing.Validate().Select(e => $"{nameof(Endpointing)}.{e}"));
        if (Recognition is null) errors.Add($"{nameof(Recognition)}: required");
        if (NoInputTimeout <= TimeSpan.Zero) errors.Add($"{nameof(NoInputTimeout)}: {NoInputTimeout.TotalMilliseconds} ms must be positive");
        if (NoMatchTimeout <= TimeSpan.Zero) errors.Add($"{nameof(NoMatchTimeout)}: {NoMatchTimeout.TotalMilliseconds} ms must be positive");
        if (InterKeyTimeout <= TimeSpan.Zero) errors.Add($"{nameof(InterKeyTimeout)}: {InterKeyTimeout.TotalMilliseconds} ms must be positive");
        if (MinConfidence is not (>= 0 and <= 1)) errors.Add($"{nameof(MinConfidence)}: {MinConfidence} is outside 0-1");
        if (MaxKeys < 1) errors.Add($"{nameof(MaxKeys)}: {MaxKeys} must be at least 1");
        if (KeyTerminator is { } terminator && !DtmfInput.IsKey(terminator)) errors.Add($"{nameof(KeyTerminator)}: '{terminator}' is not a DTMF key");
        return errors;
    }
}
