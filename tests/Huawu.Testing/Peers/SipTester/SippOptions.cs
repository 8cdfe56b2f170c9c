namespace Huawu.Testing.Peers.SipTester;

/// <summary>
/// One SIPp run. Traces (messages, statistics CSV, errors) are always written into the run's private directory
/// so results are read from files, never from SIPp's screen.
/// </summary>
public sealed record SippOptions
{
    public required SippScenario Scenario { get; init; }

    /// <summary>The SIP port SIPp binds on <see cref="LocalAddress"/> (<c>-p</c>).</summary>
    public required int LocalPort { get; init; }

    /// <summary>Where a UAC sends its requests, <c>host:port</c>; null for a UAS.</summary>
    public string? Remote { get; init; }

    public string LocalAddress { get; init; } = "127.0.0.1";

    /// <summary>SIP over UDP (SIPp's default) or TCP (<c>-t t1</c>: one connection for all calls).</summary>
    public SippTransport Transport { get; init; } = SippTransport.Udp;

    /// <summary>The RTP port written into SIPp's SDP as [media_port] (<c>-mp</c>); SIPp also uses the next ports.</summary>
    public int? MediaPort { get; init; }

    /// <summary>The Request-URI user part, [service] (<c>-s</c>).</summary>
    public string? Service { get; init; }

    /// <summary>Stop after this many calls (<c>-m</c>).</summary>
    public int? MaxCalls { get; init; }

    /// <summary>New calls per second (<c>-r</c>).</summary>
    public double? CallRate { get; init; }

    /// <summary>At most this many simultaneous calls (<c>-l</c>).</summary>
    public int? ConcurrentCallLimit { get; init; }

    /// <summary>The length of scenario pauses without their own duration (<c>-d</c>).</summary>
    public TimeSpan? Pause { get; init; }

    /// <summary>Digest credentials for [authentication] (<c>-au</c>, <c>-ap</c>).</summary>
    public string? AuthUser { get; init; }

    public string? AuthPassword { get; init; }

    /// <summary>
    /// The digest uri SIPp authenticates (<c>-auth_uri</c>). SIPp 3.6.1 otherwise uses <c>sip:remote_ip:port</c>,
    /// not the Request-URI, which a server checking RFC 3261 §22.4's digest-uri strictly rejects.
    /// </summary>
    public string? AuthUri { get; init; }

    /// <summary>Echo RTP received on the media port back to its sender (<c>-rtp_echo</c>).</summary>
    public bool RtpEcho { get; init; }

    /// <summary>SIPp gives up and exits with an error after this long (<c>-timeout … -timeout_error</c>).</summary>
    public TimeSpan? GlobalTimeout { get; init; }

    /// <summary>Further raw arguments, appended last.</summary>
    public IReadOnlyList<string> ExtraArguments { get; init; } = [];
}

/// <summary>The transport SIPp signals over.</summary>
public enum SippTransport
{
    Udp,
    Tcp,
}
