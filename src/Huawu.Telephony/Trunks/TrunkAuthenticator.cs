using System.Text;
using Huawu.Sip.Authentication;
using Huawu.Sip.Headers;
using Huawu.Sip.Messages;
using Huawu.Telephony.Configuration;

namespace Huawu.Telephony.Trunks;

/// <summary>
/// Answers a trunk's digest challenges with its account (RFC 3261 §22.2–§22.3): a 401's WWW-Authenticate with
/// Authorization, a 407's Proxy-Authenticate with Proxy-Authorization. One per registration client: like the
/// <see cref="DigestClient"/> inside it, it is not thread-safe.
/// <para>
/// One retry per challenge: a second challenge with the nonce already answered, and not marked stale, means the
/// password was refused (RFC 7616 §3.3), and is not answered again. A carrier that hands out a fresh nonce on every
/// refusal is stopped by the client's own bound on immediate retries.
/// </para>
/// </summary>
internal sealed class TrunkAuthenticator
{
    private readonly DigestClient? _digest;
    private string? _realm;
    private HeaderId _header;

    public TrunkAuthenticator(TrunkOptions trunk)
    {
        if (!string.IsNullOrEmpty(trunk.Username)) _digest = new DigestClient(trunk.Username, trunk.Password ?? "");
    }

    /// <summary>
    /// The credentials to retry the request a 401 or 407 answered. <paramref name="requestUri"/> is the Request-URI of
    /// that request, <paramref name="body"/> its body (needed only for qop=auth-int).
    /// </summary>
    public TrunkAuthorization Respond(SipMessage challenge, string requestUri, ReadOnlySpan<byte> body = default)
    {
        ArgumentNullException.ThrowIfNull(challenge);
        ArgumentNullException.ThrowIfNull(requestUri);
        var header = challenge.StatusCode switch
        {
            401 => HeaderId.WwwAuthenticate,
            407 => HeaderId.ProxyAuthenticate,
            _ => throw new ArgumentException("Only a 401 or 407 carries a challenge.", nameof(challenge)),
        };
        if (_digest is null) return TrunkAuthorization.Failed("the trunk has no credentials configured");

        var offers = challenge.GetValues(header).Select(v => Encoding.UTF8.GetString(v.Span)).ToList();
        var result = _digest.Respond(offers, challenge.CSeq.Method.Name, requestUri, body);
        if (!result.IsAuthorized)
        {
            return TrunkAuthorization.Failed(result.Status == DigestClientStatus.CredentialsRejected
                ? "the same nonce was challenged again: credentials refused"
                : "no Digest challenge this stack can answer");
        }
        _realm = result.Realm;
        _header = header == HeaderId.WwwAuthenticate ? HeaderId.Authorization : HeaderId.ProxyAuthorization;
        return new TrunkAuthorization(new DigestCredentials(_header, result.Authorization!), null);
    }

    /// <summary>
    /// Credentials for a new request before it is challenged, with the realm and nonce last answered and the next nc
    /// (RFC 3261 §22.3). False until a challenge has been answered.
    /// </summary>
    public bool TryAuthorize(SipMethod method, string requestUri, out DigestCredentials credentials, ReadOnlySpan<byte> body = default)
    {
        credentials = default;
        if (_digest is null || _realm is null || !_digest.TryAuthorize(_realm, method.Name, requestUri, out var value, body)) return false;
        credentials = new DigestCredentials(_header, value);
        return true;
    }
}

/// <summary>The header to add to the retried request, or why there is none (then the request has failed).</summary>
internal readonly record struct TrunkAuthorization(DigestCredentials? Credentials, string? FailureReason)
{
    public bool IsAuthorized => Credentials is not null;

    internal static TrunkAuthorization Failed(string reason) => new(null, reason);
}
