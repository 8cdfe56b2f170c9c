using System.Text;
using Huawu.Sip.Authentication;
using Huawu.Sip.Building;
using Huawu.Sip.Messages;
using Huawu.Sip.Uris;

namespace Huawu.Telephony.Registrar;

/// <summary>
/// Digest authentication of extensions' phones, for REGISTER (401) and for the calls they place (407).
/// <para>
/// Policy: anything short of a checked digest — no credentials, an unknown scheme (RFC 4475 §3.3.7 "regaut01"),
/// unreadable credentials, another realm, an algorithm or qop we did not offer, a replayed nc — is answered with a
/// fresh challenge, as RFC 3261 §22.1 and §22.4 describe. A digest computed against our nonce that does not match
/// (wrong password, or a user we do not have) is answered 403: another challenge would only start a loop in phones
/// that retry blindly and give a guesser unlimited tries, whereas 403 is final (§21.4.4) and tells the user to fix
/// the password. Unknown users and wrong passwords look the same, so the answer reveals no extension numbers.
/// </para>
/// </summary>
internal sealed class ExtensionAuthenticator
{
    private readonly ExtensionDirectory _directory;
    private readonly DigestServer _server;
    private readonly IReadOnlyList<DigestAlgorithm> _offered;

    public ExtensionAuthenticator(ExtensionDirectory directory, RegistrarOptions options, TimeProvider time)
    {
        _directory = directory;
        var secret = options.NonceSecret.IsEmpty ? System.Security.Cryptography.RandomNumberGenerator.GetBytes(32) : options.NonceSecret;
        // RFC 8760 §2.4: in the order of preference (SHA-256, then MD5 for the many phones that know nothing else).
        _offered = options.DigestAlgorithms;
        _server = new DigestServer(
            new DigestServerOptions { Realm = options.Domain, Secret = secret, NonceLifetime = options.NonceLifetime, Algorithms = _offered },
            time);
    }

    public AuthenticationOutcome Authenticate(SipMessage request, DigestRole role)
    {
        var authorization = FindCredentialsForOurRealm(request, role);
        if (authorization is null) return AuthenticationOutcome.Challenge("no Digest credentials for our realm");
        if (!NamesRequestUri(authorization.Uri, request.RequestUri))
        {
            return new(AuthenticationStatus.BadRequest, null, false, "credentials are for another Request-URI");
        }
        // What we did not offer is re-offered rather than refused: the client can pick from the challenge.
        if (!_offered.Contains(authorization.Algorithm) || authorization.Qop != DigestQop.Auth || authorization.UserHash)
        {
            return AuthenticationOutcome.Challenge("algorithm or qop not offered");
        }
        var verification = _server.Verify(authorization, request.Method.Name, _directory.FindCredential(authorization.Username));
        return verification.Status switch
        {
            DigestVerificationStatus.Authenticated => new(AuthenticationStatus.Authenticated, verification.Username, false, verification.Reason),
            // RFC 7616 §3.3: the password was right, only the nonce is old: the client retries without asking its user.
            DigestVerificationStatus.StaleNonce => AuthenticationOutcome.Challenge(verification.Reason, stale: true),
            DigestVerificationStatus.InvalidCredentials => new(AuthenticationStatus.Forbidden, null, false, verification.Reason),
            _ => AuthenticationOutcome.Challenge(verification.Reason),
        };
    }

    /// <summary>401 or 407 with one challenge per algorithm, most preferred first, sharing a fresh nonce.</summary>
    public SipMessageBuilder CreateChallenge(SipMessage request, DigestRole role, bool stale)
    {
        var response = SipMessageBuilder.CreateResponse(request, role.ChallengeStatus, null, SipIdentifiers.NewTag());
        foreach (var challenge in _server.CreateChallenges(stale)) response.AddHeader(role.ChallengeHeader, challenge);
        return response;
    }

    /// <summary>
    /// RFC 3261 §22.4: a request may carry credentials for several realms; only ours are checked. An unknown
    /// scheme or unreadable value is passed over, so it ends in a challenge.
    /// </summary>
    private DigestAuthorization? FindCredentialsForOurRealm(SipMessage request, DigestRole role)
    {
        foreach (var value in request.GetValues(role.CredentialsHeader))
        {
            if (DigestAuthorization.TryParse(Encoding.UTF8.GetString(value.Span), out var authorization, out _)
                && string.Equals(authorization.Realm, _server.Realm, StringComparison.Ordinal))
            {
                return authorization;
            }
        }
        return null;
    }

    /// <summary>
    /// RFC 2617 §3.2.2.5 (kept by RFC 7616 §3.4.6): the digest-uri must name the Request-URI, or credentials
    /// captured for one request could be spent on another.
    /// </summary>
    private static bool NamesRequestUri(string digestUri, SipUri requestUri) =>
        SipUri.TryParse(digestUri, out var uri)
            ? SipUriEquivalence.AreEquivalent(uri, requestUri)
            : string.Equals(digestUri, requestUri.ToString(), StringComparison.OrdinalIgnoreCase);
}
