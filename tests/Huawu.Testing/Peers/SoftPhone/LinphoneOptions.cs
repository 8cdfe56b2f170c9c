namespace Huawu.Testing.Peers.SoftPhone;

/// <summary>How to run one linphone-daemon.</summary>
public sealed record LinphoneOptions
{
    public LinphoneAccount Account { get; init; } = LinphoneAccount.Direct();

    /// <summary>The audio codecs offered and accepted, in preference order; every other codec is disabled.</summary>
    public IReadOnlyList<G711> Codecs { get; init; } = [G711.Pcmu, G711.Pcma];

    /// <summary>
    /// Ports for SIP and RTP are taken from this block (so one capture covers them); null allocates a fresh block.
    /// </summary>
    public PortBlock? Ports { get; init; }

    /// <summary>How many RTP ports linphone may use (two per call: RTP and RTCP).</summary>
    public int RtpPortCount { get; init; } = 4;

    /// <summary>Time allowed for startup and for each daemon command.</summary>
    public TimeSpan CommandTimeout { get; init; } = TimeSpan.FromSeconds(10);
}
