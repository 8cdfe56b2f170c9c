using System.Security.Cryptography;
using System.Text;

namespace Huawu.Sip.Authentication;

/// <summary>
/// The registrar / proxy side of Digest (RFC 3261 §22.1, §22.4; RFC 7616): issues challenges whose nonces
/// it can later verify without keeping them, and checks credentials in constant time. Thread-safe: one
/// instance serves every request of its realm.
/// </summary>
public sealed partial class DigestServer
{
    private readonly DigestServerOptions _options;
    private readonly TimeProvider _time;
    private readonly NonceReplayGuard _replayGuard;

    public DigestServer(DigestServerOptions options, TimeProvider timeProvider)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(timeProvider);
        if (options.Secret.Length < 16) throw new ArgumentException("The nonce secret needs at least 16 bytes.", nameof(options));
        if (options.Algorithms.Count == 0) throw new ArgumentException("At least one algorithm must be offered.", nameof(options));
        ArgumentOutOfRangeException.ThrowIfLessThan(options.ReplayCacheCapacity, 1, nameof(options));
        _options = options;
        _time = timeProvider;
        _replayGuard = new NonceReplayGuard(options.ReplayCacheCapacity);
    }

    public string Realm => _options.Realm;

    /// <summary>
    /// One <c>WWW-Authenticate</c> / <c>Proxy-Authenticate</c> value per offered algorithm, preferred first
    /// (RFC 8760 §2.4), all sharing one fresh nonce and qop="auth". Set <paramref name="stale"/> after a
    /// <see cref="DigestVerificationStatus.StaleNonce"/> result so the client retries without asking its user.
    /// </summary>
    public IReadOnlyList<string> CreateChallenges(bool stale = false)
    {
        var nonce = IssueNonce();
        var challenges = new string[_options.Algorithms.Count];
        for (var i = 0; i < challenges.Length; i++)
        {
            challenges[i] = new DigestChallenge
            {
                Realm = _options.Realm,
                Nonce = nonce,
                Algorithm = _options.Algorithms[i],
                QopOptions = [DigestQop.Auth],
                Stale = stale,
            }.ToString();
        }
        return challenges;
    }

    /// <summary>Parses and checks an <c>Authorization</c> value, looking the user's secret up by username.</summary>
    public DigestVerification Verify(string authorizationValue, string method, Func<string, DigestCredential?> findCredential)
    {
        ArgumentNullException.ThrowIfNull(findCredential);
        if (!DigestAuthorization.TryParse(authorizationValue, out var authorization, out var failure))
        {
            var status = failure.Kind switch
            {
                DigestParseFailureKind.UnsupportedScheme => DigestVerificationStatus.UnsupportedScheme,
                DigestParseFailureKind.Unsupported => DigestVerificationStatus.InvalidCredentials,
                _ => DigestVerificationStatus.Malformed,
            };
            return new(status, null, failure.Reason);
        }
        return Verify(authorization, method, findCredential(authorization.Username));
    }

    /// <summary>
    /// Checks parsed credentials against the user's secret (null when the user is unknown). Use this
    /// overload when the secret comes from an asynchronous store.
    /// </summary>
    public DigestVerification Verify(DigestAuthorization authorization, string method, DigestCredential? credential)
    {
        ArgumentNullException.ThrowIfNull(authorization);
        ArgumentNullException.ThrowIfNull(method);
        var username = authorization.Username;
        if (Refuse(authorization) is { } refusal) return new(DigestVerificationStatus.InvalidCredentials, username, refusal);
        var ha1 = credential?.Ha1For(authorization.Algorithm, username, authorization.Realm);
        if (ha1 is null) return new(DigestVerificationStatus.InvalidCredentials, username, "no secret for this user and algorithm");
        var expected = DigestComputation.Response(
            authorization.Algorithm, ha1, authorization.Nonce, authorization.Qop, authorization.NonceCount,
            authorization.Cnonce, method, authorization.Uri, default);
        if (!ResponsesMatch(expected, authorization.Response))
        {
            return new(DigestVerificationStatus.InvalidCredentials, username, "response does not match");
        }
        // RFC 7616 §3.3: stale=true only once the digest itself is right, so the client retries silently.
        if (!TryReadNonce(authorization.Nonce, out var issuedAt))
        {
            return new(DigestVerificationStatus.StaleNonce, username, "nonce expired or not issued with the current secret");
        }
        var now = _time.GetUtcNow();
        return _replayGuard.Register(authorization.Nonce, issuedAt, authorization.NonceCount, now - _options.NonceLifetime) switch
        {
            NonceUseResult.Accepted => new(DigestVerificationStatus.Authenticated, username, "ok"),
            NonceUseResult.Replayed => new(DigestVerificationStatus.Replayed, username, $"nc {authorization.NonceCount:x8} was already used"),
            _ => new(DigestVerificationStatus.StaleNonce, username, "nonce no longer tracked for replays"),
        };
    }

    /// <summary>Checks that need no secret: what we challenged for is what the client answered.</summary>
    private string? Refuse(DigestAuthorization authorization)
    {
        if (!string.Equals(authorization.Realm, _options.Realm, StringComparison.Ordinal)) return $"realm '{authorization.Realm}' is not ours";
        if (!_options.Algorithms.Contains(authorization.Algorithm)) return $"algorithm {authorization.Algorithm.ToToken()} was not offered";
        // Only qop=auth is challenged; it carries the nc that replay detection needs (RFC 7616 §3.4).
        if (authorization.Qop != DigestQop.Auth) return "qop=auth is required";
        if (authorization.UserHash) return "userhash is not supported";
        return null;
    }

    /// <summary>Constant-time comparison, so response timing leaks nothing about the expected digest.</summary>
    private static bool ResponsesMatch(string expected, string received)
    {
        if (expected.Length != received.Length) return false;
        Span<byte> expectedBytes = stackalloc byte[expected.Length];
        Span<byte> receivedBytes = stackalloc byte[received.Length];
        Encoding.ASCII.GetBytes(expected, expectedBytes);
        Encoding.ASCII.GetBytes(received.ToLowerInvariant(), receivedBytes);
        return CryptographicOperations.FixedTimeEquals(expectedBytes, receivedBytes);
    }
}
