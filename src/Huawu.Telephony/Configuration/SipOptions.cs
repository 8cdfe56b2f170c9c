using Huawu.Sip.Authentication;

namespace Huawu.Telephony.Configuration;

/// <summary>The SIP side of a node: listeners, the address others reach it on, and overload limits.</summary>
public sealed class SipOptions
{
    /// <summary>
    /// One entry per transport and socket. The default listens on loopback only, so a node started
    /// without a configuration file is not reachable from the network until someone says so.
    /// </summary>
    public List<SipListenerOptions> Listen { get; set; } =
    [
        new() { Transport = SipTransportKind.Udp, Address = "127.0.0.1", Port = 5060 },
        new() { Transport = SipTransportKind.Tcp, Address = "127.0.0.1", Port = 5060 },
    ];

    /// <summary>
    /// The address written into Via, Contact and SDP when it differs from the listen address
    /// (a node behind NAT or listening on 0.0.0.0). Empty: the listen address is used.
    /// </summary>
    public string? PublicAddress { get; set; }

    /// <summary>The domain extensions register in; also the digest realm the registrar challenges with.</summary>
    public string Domain { get; set; } = "huawu.local";

    /// <summary>
    /// The digest algorithms phones are challenged with, most preferred first (RFC 8760 §2.4). Phones that give up on
    /// a challenge they cannot answer instead of taking the next (baresip 1.0, some older desk phones) need MD5 alone.
    /// </summary>
    public List<DigestAlgorithm> DigestAlgorithms { get; set; } = [DigestAlgorithm.Sha256, DigestAlgorithm.Md5];

    /// <summary>Value of the User-Agent and Server headers.</summary>
    public string UserAgent { get; set; } = "Huawu";

    /// <summary>
    /// Server transactions kept at once; beyond it new requests get 503 with Retry-After. Over UDP each call
    /// holds its INVITE and BYE transactions for 64·T1 = 32 s, so R calls/s need about 64·R: the default
    /// carries about 780 calls/s.
    /// </summary>
    public int MaxTransactions { get; set; } = 50_000;

    /// <summary>Open stream connections kept at once (TCP and later TLS/WebSocket).</summary>
    public int MaxConnections { get; set; } = 2_000;
}

public sealed class SipListenerOptions
{
    public SipTransportKind Transport { get; set; } = SipTransportKind.Udp;

    public string Address { get; set; } = "127.0.0.1";

    public int Port { get; set; } = 5060;
}

public enum SipTransportKind
{
    Udp,
    Tcp,
}
