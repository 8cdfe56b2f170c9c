using System.Diagnostics.CodeAnalysis;
using System.Security.Cryptography;

namespace Huawu.Sip.Authentication;

/// <summary>
/// Answers Digest challenges for one account (RFC 7616 §3.4, RFC 3261 §22.2–§22.3) and remembers each
/// realm's nonce so that later requests can carry credentials up front with an increasing nc
/// (RFC 7616 §3.4: "nc" counts the requests sent with a nonce). Not thread-safe: one SIP user agent
/// owns it and uses it from its own serialized work.
/// </summary>
public sealed class DigestClient
{
    private readonly string _username;
    private readonly string _password;
    private readonly Func<string> _newCnonce;
    private readonly Dictionary<string, RealmState> _realms = new(StringComparer.Ordinal);

    public DigestClient(string username, string password) : this(username, password, NewCnonce) { }

    /// <summary>For tests that replay RFC examples with a known cnonce.</summary>
    internal DigestClient(string username, string password, Func<string> newCnonce)
    {
        ArgumentNullException.ThrowIfNull(username);
        ArgumentNullException.ThrowIfNull(password);
        _username = username;
        _password = password;
        _newCnonce = newCnonce;
    }

    /// <summary>
    /// Answers a 401/407: picks the strongest usable challenge among the <c>WWW-Authenticate</c> or
    /// <c>Proxy-Authenticate</c> values and builds the matching <c>Authorization</c> or
    /// <c>Proxy-Authorization</c> value. A server that hands out a fresh nonce with every rejection
    /// cannot be told apart from one with an expired nonce, so the caller still bounds its retries.
    /// </summary>
    public DigestClientResult Respond(IEnumerable<string> challengeValues, string method, string requestUri, ReadOnlySpan<byte> body = default)
    {
        var challenge = DigestChallenge.ChooseStrongest(challengeValues);
        if (challenge is null) return new(DigestClientStatus.NoSupportedChallenge, null, null);
        if (!challenge.Stale
            && _realms.TryGetValue(challenge.Realm, out var previous)
            && string.Equals(previous.Challenge.Nonce, challenge.Nonce, StringComparison.Ordinal))
        {
            _realms.Remove(challenge.Realm);
            return new(DigestClientStatus.CredentialsRejected, null, challenge.Realm);
        }
        var state = new RealmState(challenge);
        _realms[challenge.Realm] = state;
        return new(DigestClientStatus.Authorized, Authorize(state, method, requestUri, body), challenge.Realm);
    }

    /// <summary>
    /// Credentials for a new request in a realm answered before, reusing its nonce with the next nc
    /// (RFC 3261 §22.3: credentials may be sent pre-emptively). False when the realm has no nonce yet.
    /// </summary>
    public bool TryAuthorize(string realm, string method, string requestUri, [NotNullWhen(true)] out string? authorization, ReadOnlySpan<byte> body = default)
    {
        ArgumentNullException.ThrowIfNull(realm);
        if (!_realms.TryGetValue(realm, out var state))
        {
            authorization = null;
            return false;
        }
        authorization = Authorize(state, method, requestUri, body);
        return true;
    }

    private string Authorize(RealmState state, string method, string requestUri, ReadOnlySpan<byte> body)
    {
        ArgumentNullException.ThrowIfNull(method);
        ArgumentNullException.ThrowIfNull(requestUri);
        var challenge = state.Challenge;
        var qop = challenge.PreferredQop;
        // RFC 7616 §3.4: cnonce and nc go with qop; without qop (RFC 2069) neither is sent.
        var nonceCount = qop == DigestQop.None ? 0 : ++state.NonceCount;
        var cnonce = qop == DigestQop.None ? null : _newCnonce();
        var ha1 = DigestComputation.Ha1(challenge.Algorithm, _username, challenge.Realm, _password);
        var response = DigestComputation.Response(
            challenge.Algorithm, ha1, challenge.Nonce, qop, nonceCount, cnonce, method, requestUri, body);
        return new DigestAuthorization
        {
            Username = _username,
            Realm = challenge.Realm,
            Nonce = challenge.Nonce,
            Uri = requestUri,
            Response = response,
            Algorithm = challenge.Algorithm,
            AlgorithmStated = challenge.AlgorithmStated,
            Qop = qop,
            NonceCount = nonceCount,
            Cnonce = cnonce,
            Opaque = challenge.Opaque,
        }.ToString();
    }

    /// <summary>RFC 7616 §3.4: the cnonce must be unpredictable; 128 random bits.</summary>
    private static string NewCnonce() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));

    private sealed class RealmState(DigestChallenge challenge)
    {
        public DigestChallenge Challenge { get; } = challenge;

        public uint NonceCount { get; set; }
    }
}
