using Huawu.Sip.Building;
using Huawu.Sip.Messages;
using Huawu.Sip.Transport;
using Huawu.Telephony.Registrar;

namespace Huawu.Telephony.Trunks;

/// <summary>
/// Decides who sent a new INVITE: a trunk, recognized by its source address; or an extension's phone, which must
/// prove it with digest (407, RFC 3261 §22.3), as it does to register; or nobody we know.
/// <para>
/// Policy: only a source address that holds a live registration is challenged; every other source is refused
/// with 403 without a challenge. Phones register before they call, so they always pass the first test, while
/// scanners sweeping the Internet get neither a nonce to work on nor a hint of which numbers exist. An
/// authenticated phone must call as itself: a From user other than its extension is refused (403), so one phone
/// cannot present another's caller ID.
/// </para>
/// </summary>
public sealed class InboundCallClassifier
{
    private readonly TrunkAddressTable _trunks;
    private readonly SipRegistrar _registrar;

    public InboundCallClassifier(TrunkAddressTable trunks, SipRegistrar registrar)
    {
        ArgumentNullException.ThrowIfNull(trunks);
        ArgumentNullException.ThrowIfNull(registrar);
        _trunks = trunks;
        _registrar = registrar;
    }

    public InboundCallDecision Classify(SipMessage invite, SipEndPoint source)
    {
        ArgumentNullException.ThrowIfNull(invite);
        if (!invite.IsRequest || invite.Method != SipMethod.Invite) throw new ArgumentException("Only a new INVITE is classified.", nameof(invite));

        // A phone's own binding (address and port) outranks a trunk matched by address alone: a phone and a
        // carrier can share one public address (an office NAT, one host), and the phone must still prove itself.
        if (!_registrar.HasRegistrationAt(source))
        {
            if (_trunks.Find(source.HostAddress()) is { } trunk) return new(InboundCallSource.Trunk, trunk, null, null, $"source {source.HostAddress()} is trunk '{trunk.Name}'");
            if (!_registrar.HasRegistrationFrom(source.HostAddress())) return Reject(invite, 403, "Unknown Source", $"{source} is neither a trunk nor a registered phone");
        }

        var authenticator = _registrar.Authenticator;
        var outcome = authenticator.Authenticate(invite, DigestRole.Proxy);
        switch (outcome.Status)
        {
            case AuthenticationStatus.Challenge:
                return new(InboundCallSource.Challenge, null, null, authenticator.CreateChallenge(invite, DigestRole.Proxy, outcome.Stale), outcome.Reason);
            case AuthenticationStatus.Forbidden:
                return Reject(invite, 403, "Wrong Credentials", outcome.Reason);
            case AuthenticationStatus.BadRequest:
                return Reject(invite, 400, "Proxy-Authorization uri Does Not Match Request-URI", outcome.Reason);
        }
        var extension = outcome.Username!;
        if (!string.Equals(invite.From.Uri.User, extension, StringComparison.Ordinal))
        {
            return Reject(invite, 403, "From Does Not Match Credentials", $"authenticated as {extension} but calling as {invite.From.Uri.User}");
        }
        return new(InboundCallSource.Extension, null, extension, null, $"extension {extension} authenticated");
    }

    private static InboundCallDecision Reject(SipMessage invite, int statusCode, string reasonPhrase, string reason) =>
        new(InboundCallSource.Rejected, null, null,
            SipMessageBuilder.CreateResponse(invite, statusCode, reasonPhrase, SipIdentifiers.NewTag()),
            reason);
}
