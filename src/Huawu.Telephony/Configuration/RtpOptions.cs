namespace Huawu.Telephony.Configuration;

/// <summary>Where media flows: the address RTP sockets bind to and the port range they draw from.</summary>
public sealed class RtpOptions
{
    public string Address { get; set; } = "127.0.0.1";

    /// <summary>Inclusive range <c>A-B</c>; each call leg takes an even port for RTP and the next for RTCP.</summary>
    public string Ports { get; set; } = "20000-29999";

    /// <summary>A call whose remote side sends no RTP for this long is hung up (0 turns the check off).</summary>
    public int TimeoutSeconds { get; set; } = 60;
}
