namespace Huawu.Speech.Pipeline;

/// <summary>
/// How the pipeline tells the far end's echo of the robot's own voice from the caller barging in. A line that reflects
/// the robot (a two-to-four-wire hybrid on the PSTN side, a speakerphone) sends it back later and quieter; while the
/// robot was audible within <see cref="Tail"/>, received audio counts as speech only when it is louder than that echo
/// can be: the robot's level less the line's echo return loss, plus <see cref="Margin"/>. The loss is learnt per call
/// from what comes back while the robot speaks, starting from <see cref="AssumedEchoReturnLoss"/>.
/// </summary>
public sealed record EchoGuardOptions
{
    /// <summary>How long after the robot's audio its echo may still arrive (the echo path's delay, network included).</summary>
    public TimeSpan Tail { get; init; } = TimeSpan.FromMilliseconds(400);

    /// <summary>
    /// The echo return loss (robot level over echo level, dB) assumed before the call has shown its own. ITU-T G.168 plans
    /// for hybrids of 6 dB and more; real lines give 10 to 30, and carriers' echo cancellers far more.
    /// </summary>
    public float AssumedEchoReturnLoss { get; init; } = 15f;

    /// <summary>How much louder than the expected echo speech must be (dB).</summary>
    public float Margin { get; init; } = 6f;

    /// <summary>Robot audio quieter than this (dBFS) makes no echo worth guarding against.</summary>
    public float AudibleLevel { get; init; } = -50f;

    /// <summary>Off: every received window goes to the detector as it is (a line known to be echo-free).</summary>
    public bool Enabled { get; init; } = true;
}
