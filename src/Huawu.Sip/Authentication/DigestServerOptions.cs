namespace Huawu.Sip.Authentication;

public sealed class DigestServerOptions
{
    public required string Realm { get; init; }

    /// <summary>
    /// The HMAC-SHA-256 key that makes nonces verifiable without state: at least 16 random bytes.
    /// Nodes that share it accept each other's nonces; a new key turns old nonces stale, not invalid.
    /// </summary>
    public required ReadOnlyMemory<byte> Secret { get; init; }

    /// <summary>How long a nonce is honoured; after that the right password earns stale=true (RFC 7616 §3.3).</summary>
    public TimeSpan NonceLifetime { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>The algorithms challenged, most preferred first (RFC 8760 §2.4: SHA-256 before MD5).</summary>
    public IReadOnlyList<DigestAlgorithm> Algorithms { get; init; } = [DigestAlgorithm.Sha256, DigestAlgorithm.Md5];

    /// <summary>How many nonces' nc histories are kept for replay detection; bounds the memory used.</summary>
    public int ReplayCacheCapacity { get; init; } = 10_000;
}
