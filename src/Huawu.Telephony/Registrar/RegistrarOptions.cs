using System.Net;
using Huawu.Sip.Authentication;
using Huawu.Telephony.Configuration;

namespace Huawu.Telephony.Registrar;

/// <summary>How the registrar grants bindings and whom it serves.</summary>
public sealed class RegistrarOptions
{
    /// <summary>The domain extensions register in; also the digest realm (<see cref="SipOptions.Domain"/>).</summary>
    public required string Domain { get; init; }

    /// <summary>
    /// Other hosts a Request-URI or address-of-record may name for the same domain: the node's addresses, since
    /// phones are often configured with the server's IP address rather than the domain.
    /// </summary>
    public IReadOnlyList<string> Aliases { get; init; } = [];

    /// <summary>RFC 3261 §10.3 step 7: the duration granted when neither Contact nor Expires asks for one.</summary>
    public TimeSpan DefaultExpires { get; init; } = TimeSpan.FromSeconds(3600);

    /// <summary>Shorter requested durations are answered 423 with this as Min-Expires (RFC 3261 §10.3 step 7).</summary>
    public TimeSpan MinExpires { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>Longer requested durations are shortened to this (RFC 3261 §10.3 step 7: "MAY shorten").</summary>
    public TimeSpan MaxExpires { get; init; } = TimeSpan.FromSeconds(7200);

    /// <summary>Contacts kept per address-of-record; a newer one displaces the least recently refreshed.</summary>
    public int MaxContactsPerAor { get; init; } = 5;

    /// <summary>How often expired bindings are removed and reported when nobody looks them up.</summary>
    public TimeSpan SweepInterval { get; init; } = TimeSpan.FromSeconds(15);

    /// <summary>
    /// The key digest nonces are signed with (at least 16 bytes). Nodes that share it accept each other's nonces;
    /// empty: a random key per process, so a restart turns outstanding nonces stale (phones retry silently).
    /// </summary>
    public ReadOnlyMemory<byte> NonceSecret { get; init; }

    /// <summary>
    /// The digest algorithms challenged with, most preferred first (RFC 8760 §2.4). Some phones give up on a challenge
    /// they cannot answer instead of taking the next (baresip 1.0 on any SHA-256 one): offer them MD5 alone.
    /// </summary>
    public IReadOnlyList<DigestAlgorithm> DigestAlgorithms { get; init; } = [DigestAlgorithm.Sha256, DigestAlgorithm.Md5];

    /// <summary>How long a digest nonce is honoured before the right password earns stale=true.</summary>
    public TimeSpan NonceLifetime { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>The registrar of a node: its domain, with its public and listening addresses as aliases.</summary>
    public static RegistrarOptions For(SipOptions sip)
    {
        ArgumentNullException.ThrowIfNull(sip);
        var aliases = sip.Listen.Select(l => l.Address)
            .Append(sip.PublicAddress ?? "")
            .Where(a => a.Length > 0 && !IsWildcard(a))
            .Distinct(StringComparer.OrdinalIgnoreCase)
            .ToList();
        return new RegistrarOptions { Domain = sip.Domain, Aliases = aliases, DigestAlgorithms = sip.DigestAlgorithms };
    }

    private static bool IsWildcard(string address) =>
        IPAddress.TryParse(address, out var ip) && (ip.Equals(IPAddress.Any) || ip.Equals(IPAddress.IPv6Any));
}
