namespace Huawu.Telephony.Configuration;

/// <summary>A SIP trunk: the carrier (or PBX) outbound calls go through and inbound calls come from.</summary>
public sealed class TrunkOptions
{
    public string Name { get; set; } = "";

    public string Host { get; set; } = "";

    public int Port { get; set; } = 5060;

    public SipTransportKind Transport { get; set; } = SipTransportKind.Udp;

    /// <summary>Digest credentials the carrier challenges for; empty when the trunk trusts our address.</summary>
    public string? Username { get; set; }

    public string? Password { get; set; }

    /// <summary>Register with the carrier (REGISTER with digest auth, refreshed before expiry).</summary>
    public bool Register { get; set; }

    public int RegisterExpirySeconds { get; set; } = 3600;

    /// <summary>The user part of From on outbound calls (the caller ID); defaults to the username.</summary>
    public string? CallerId { get; set; }

    /// <summary>Seconds between OPTIONS keepalives; 0 turns them off.</summary>
    public int OptionsIntervalSeconds { get; set; } = 30;

    /// <summary>Source addresses inbound calls from this trunk are accepted from (besides <see cref="Host"/>).</summary>
    public List<string> InboundAddresses { get; set; } = [];

    /// <summary>
    /// Where inbound calls from this trunk go when their Request-URI names no local extension:
    /// an extension number or a diagnostic extension name. Empty: the Request-URI user decides.
    /// </summary>
    public string? InboundDestination { get; set; }
}
