namespace Huawu.Speech.Endpointing;

/// <summary>
/// How per-window speech probabilities become utterances; a script node may carry its own (a yes/no question wants a
/// short trailing silence, an address a long one). Immutable: derive variants with <c>with</c>.
/// </summary>
public sealed record EndpointingOptions
{
    /// <summary>
    /// Speech windows must add up to this much before an utterance starts (clicks, coughs and bumps are shorter). Dips of
    /// up to 80 ms among them (a stop consonant's closure) are tolerated; a longer one starts the count over.
    /// </summary>
    public TimeSpan MinSpeech { get; init; } = TimeSpan.FromMilliseconds(150);

    /// <summary>
    /// Speech windows adding up to this much raise <see cref="EndpointingEventKind.SpeechOnset"/> (at the latest with the
    /// utterance start, when <see cref="MinSpeech"/> is shorter): the early, less certain signal barge-in acts on.
    /// </summary>
    public TimeSpan OnsetSpeech { get; init; } = TimeSpan.FromMilliseconds(60);

    /// <summary>An utterance ends after this much silence.</summary>
    public TimeSpan TrailingSilence { get; init; } = TimeSpan.FromMilliseconds(500);

    /// <summary>An utterance that reaches this length is ended by force (a caller who never pauses, a noisy line).</summary>
    public TimeSpan MaxUtterance { get; init; } = TimeSpan.FromSeconds(20);

    /// <summary>Audio kept from before the onset, so the first sound reaches the recognizer whole.</summary>
    public TimeSpan PreRoll { get; init; } = TimeSpan.FromMilliseconds(300);

    /// <summary>Outside an utterance, a window is speech from this probability on.</summary>
    public float StartThreshold { get; init; } = 0.5f;

    /// <summary>Inside an utterance (or a candidate one), a window is speech from this probability on (hysteresis).</summary>
    public float StopThreshold { get; init; } = 0.35f;

    /// <summary>The problems with these options, each starting with the property's name and a colon; empty when they are usable.</summary>
    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        if (MinSpeech < TimeSpan.Zero) errors.Add($"{nameof(MinSpeech)}: {MinSpeech.TotalMilliseconds} ms is negative");
        if (OnsetSpeech < TimeSpan.Zero) errors.Add($"{nameof(OnsetSpeech)}: {OnsetSpeech.TotalMilliseconds} ms is negative");
        if (TrailingSilence <= TimeSpan.Zero) errors.Add($"{nameof(TrailingSilence)}: {TrailingSilence.TotalMilliseconds} ms must be positive");
        if (MaxUtterance <= MinSpeech) errors.Add($"{nameof(MaxUtterance)}: {MaxUtterance.TotalMilliseconds} ms must exceed min speech ({MinSpeech.TotalMilliseconds} ms)");
        if (PreRoll < TimeSpan.Zero || PreRoll > TimeSpan.FromSeconds(5)) errors.Add($"{nameof(PreRoll)}: {PreRoll.TotalMilliseconds} ms is outside 0-5000 ms");
        if (StartThreshold is not (> 0 and <= 1)) errors.Add($"{nameof(StartThreshold)}: {StartThreshold} is outside (0, 1]");
        if (StopThreshold is not (> 0 and <= 1)) errors.Add($"{nameof(StopThreshold)}: {StopThreshold} is outside (0, 1]");
        else if (StopThreshold > StartThreshold) errors.Add($"{nameof(StopThreshold)}: {StopThreshold} is above the start threshold {StartThreshold}");
        return errors;
    }
}
