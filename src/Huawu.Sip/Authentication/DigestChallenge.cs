using System.Diagnostics.CodeAnalysis;

namespace Huawu.Sip.Authentication;

/// <summary>
/// A <c>WWW-Authenticate</c> or <c>Proxy-Authenticate</c> Digest challenge (RFC 7616 §3.3, RFC 3261 §22.1).
/// </summary>
public sealed class DigestChallenge
{
    public required string Realm { get; init; }

    public required string Nonce { get; init; }

    public DigestAlgorithm Algorithm { get; init; } = DigestAlgorithm.Md5;

    /// <summary>
    /// Whether the challenge named its algorithm. RFC 2617 servers may omit it (MD5 applies); the
    /// reply then omits it as well, as those servers expect.
    /// </summary>
    public bool AlgorithmStated { get; init; } = true;

    /// <summary>The qop values offered; empty for an RFC 2069-style challenge without qop.</summary>
    public IReadOnlyList<DigestQop> QopOptions { get; init; } = [];

    /// <summary>Opaque data the client returns unchanged (RFC 7616 §3.3).</summary>
    public string? Opaque { get; init; }

    /// <summary>RFC 7616 §3.3: the previous request had the right password but an expired nonce.</summary>
    public bool Stale { get; init; }

    /// <summary>
    /// "-sess" algorithms hash the cnonce into HA1, and a cnonce is only sent with qop, so a "-sess"
    /// challenge without qop cannot be answered (RFC 7616 §3.4.2).
    /// </summary>
    internal bool IsAnswerable => QopOptions.Count > 0 || !Algorithm.IsSession();

    /// <summary>qop=auth when offered: it covers every SIP request; auth-int only when it is all that is offered.</summary>
    internal DigestQop PreferredQop =>
        QopOptions.Contains(DigestQop.Auth) ? DigestQop.Auth
        : QopOptions.Contains(DigestQop.AuthInt) ? DigestQop.AuthInt
        : DigestQop.None;

    public static bool TryParse(string headerValue, [NotNullWhen(true)] out DigestChallenge? challenge, out DigestParseFailure failure)
    {
        ArgumentNullException.ThrowIfNull(headerValue);
        challenge = null;
        if (!DigestParameters.TryParse(headerValue, out var parameters, out failure)
            || !parameters.TryGetRequired("realm", out var realm, out failure)
            || !parameters.TryGetRequired("nonce", out var nonce, out failure)
            || !parameters.TryGetAlgorithm(out var algorithm, out var algorithmStated, out failure)
            || !TryParseQopOptions(parameters["qop"], out var qopOptions, out failure))
        {
            return false;
        }
        challenge = new DigestChallenge
        {
            Realm = realm,
            Nonce = nonce,
            Algorithm = algorithm,
            AlgorithmStated = algorithmStated,
            QopOptions = qopOptions,
            Opaque = parameters["opaque"],
            Stale = string.Equals(parameters["stale"], "true", StringComparison.OrdinalIgnoreCase),
        };
        if (challenge.IsAnswerable) return true;
        failure = new(DigestParseFailureKind.Unsupported, $"{algorithm.ToToken()} needs qop, and none is offered");
        challenge = null;
        return false;
    }

    /// <summary>
    /// Picks the challenge to answer from several (one per header field): the strongest algorithm we
    /// support, SHA-256 before MD5 (RFC 8760 §2.4); among equals, the first, since a server lists its
    /// preferred challenge first (RFC 7616 §3.7). Challenges this stack cannot answer are skipped.
    /// </summary>
    public static DigestChallenge? ChooseStrongest(IEnumerable<string> headerValues)
    {
        ArgumentNullException.ThrowIfNull(headerValues);
        DigestChallenge? best = null;
        foreach (var value in headerValues)
        {
            if (TryParse(value, out var candidate, out _)
                && (best is null || candidate.Algorithm.Strength() > best.Algorithm.Strength()))
            {
                best = candidate;
            }
        }
        return best;
    }

    /// <summary>The header value, e.g. <c>Digest realm="…", nonce="…", algorithm=SHA-256, qop="auth"</c>.</summary>
    public override string ToString()
    {
        var writer = new DigestHeaderWriter().Quoted("realm", Realm).Quoted("nonce", Nonce);
        if (Opaque is not null) writer.Quoted("opaque", Opaque);
        if (AlgorithmStated) writer.Token("algorithm", Algorithm.ToToken());
        if (QopOptions.Count > 0) writer.Quoted("qop", string.Join(',', QopOptions.Select(q => q.ToToken())));
        if (Stale) writer.Token("stale", "TRUE");
        return writer.ToString();
    }

    /// <summary>RFC 7616 §3.3: qop is a quoted, comma-separated list; unknown values are ignored.</summary>
    private static bool TryParseQopOptions(string? value, out IReadOnlyList<DigestQop> options, out DigestParseFailure failure)
    {
        failure = default;
        if (value is null)
        {
            options = [];
            return true;
        }
        var known = new List<DigestQop>(2);
        foreach (var range in value.AsSpan().Split(','))
        {
            if (DigestTokens.TryParseQop(value.AsSpan()[range].Trim(), out var qop) && !known.Contains(qop)) known.Add(qop);
        }
        options = known;
        if (known.Count > 0) return true;
        failure = new(DigestParseFailureKind.Unsupported, $"no supported qop in '{value}'");
        return false;
    }
}
