namespace Huawu.Telephony.Configuration;

/// <summary>
/// Everything the telephony core needs to run: where SIP listens, the RTP port range, trunks, extensions, the
/// built-in diagnostic extensions and how calls between parties behave. Plain data, bound from the configuration
/// file by the server and validated by <see cref="TelephonyOptionsValidator"/>.
/// </summary>
public sealed class TelephonyOptions
{
    public SipOptions Sip { get; set; } = new();

    public RtpOptions Rtp { get; set; } = new();

    public List<TrunkOptions> Trunks { get; set; } = [];

    public List<ExtensionOptions> Extensions { get; set; } = [];

    public DiagnosticsOptions Diagnostics { get; set; } = new();

    public CallOptions Calls { get; set; } = new();
}
