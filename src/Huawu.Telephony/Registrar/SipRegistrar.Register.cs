using System.Globalization;
using Huawu.Sip.Building;
using Huawu.Sip.Headers;
using Huawu.Sip.Messages;
using Huawu.Sip.Transport;
using Huawu.Sip.Validation;

namespace Huawu.Telephony.Registrar;

// RFC 3261 §10.3: processing a REGISTER, step by step, in the RFC's order.
public sealed partial class SipRegistrar
{
    // §8.2 checks a UAS makes before the method's own: version, malformed headers (RFC 4475 §3.1.2.13 "regbadct"),
    // URI scheme, To as a SIP URI (§10.2), and Require (§10.3 step 2: the registrar supports no extensions).
    private static readonly RequestValidator Validator = new(new LocalCapabilities
    {
        Methods = ["REGISTER"],
        Extensions = [],
        ContentTypes = [],
        UriSchemes = ["sip", "sips"],
    });

    /// <summary>
    /// Processes a REGISTER that arrived from <paramref name="source"/> and returns the response to send: 200 with
    /// the current bindings, a 401 challenge, or the failure the RFC names for each step.
    /// </summary>
    public SipMessageBuilder HandleRegister(SipMessage request, SipEndPoint source)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!request.IsRequest || request.Method != SipMethod.Register) throw new ArgumentException("Only REGISTER requests are handled here.", nameof(request));

        var verdict = Validator.Validate(request);
        if (!verdict.IsAccepted) return verdict.CreateResponse(request, SipIdentifiers.NewTag());

        // Step 1: bindings exist only for our domain. Not being a proxy, we do not forward; §21.4.5 names 404 for a
        // Request-URI domain the recipient does not handle.
        if (!IsLocalHost(request.RequestUri.Host)) return Reject(request, 404, "Domain Not Served Here");

        // Step 3: authenticate before saying anything about the address-of-record, so that probing for extension
        // numbers learns nothing.
        var authentication = Authenticator.Authenticate(request, DigestRole.Registrar);
        switch (authentication.Status)
        {
            case AuthenticationStatus.Challenge:
                return Authenticator.CreateChallenge(request, DigestRole.Registrar, authentication.Stale);
            case AuthenticationStatus.Forbidden:
                return Reject(request, 403, "Wrong Credentials");
            case AuthenticationStatus.BadRequest:
                return Reject(request, 400, "Authorization uri Does Not Match Request-URI");
        }

        // Step 4: an extension may change only its own bindings.
        var addressOfRecord = request.To.Uri;
        var extension = authentication.Username!;
        if (!string.Equals(addressOfRecord.User, extension, StringComparison.Ordinal))
        {
            return Reject(request, 403, "Not Authorized For This Address-Of-Record");
        }
        // Step 5: the address-of-record must belong to the Request-URI's domain. The user part is known here: it is
        // the authenticated extension.
        if (!IsLocalHost(addressOfRecord.Host)) return Reject(request, 404, "Address-Of-Record Not In This Domain");

        // Steps 6 and 7.
        if (!BindingRequestReader.TryRead(request, _options, out var bindingRequest, out var error))
        {
            var rejection = Reject(request, error.StatusCode, error.ReasonPhrase);
            // §10.3 step 7: a 423 MUST carry Min-Expires.
            if (error.StatusCode == 423) rejection.AddHeader(HeaderId.MinExpires, Seconds(_options.MinExpires));
            return rejection;
        }
        var origin = new RegisterOrigin(request.CallId, request.CSeq.Number, source, UserAgentOf(request));
        lock (_gate)
        {
            var now = _time.GetUtcNow();
            var events = new List<RegistrationEvent>();
            var status = _bindings.Apply(extension, bindingRequest, origin, now, _options.MaxContactsPerAor, events);
            var current = _bindings.Current(extension, now, events);
            Publish(events);
            return status switch
            {
                // Step 7: "If not, the update MUST be aborted and the request fails"; a failed update is a 500.
                BindingUpdateStatus.OutOfOrder => Reject(request, 500, "Out Of Order REGISTER For This Call-ID"),
                BindingUpdateStatus.TooManyContacts => Reject(request, 403, "Too Many Contacts"),
                _ => Accept(request, current, now),
            };
        }
    }

    /// <summary>Step 8: 200 listing every current binding with the seconds it has left, and the Date.</summary>
    private static SipMessageBuilder Accept(SipMessage request, List<ContactBinding> bindings, DateTimeOffset now)
    {
        var response = SipMessageBuilder.CreateResponse(request, 200, null, SipIdentifiers.NewTag());
        foreach (var binding in bindings)
        {
            // Always bracketed: a URI with parameters or headers would otherwise lose them to the header (§20.10).
            var value = "<" + binding.ContactUri + ">;expires=" + binding.RemainingSeconds(now).ToString(CultureInfo.InvariantCulture);
            if (binding.QThousandths != 1000) value += ";q=" + binding.Q.ToString("0.###", CultureInfo.InvariantCulture);
            response.AddHeader(HeaderId.Contact, value);
        }
        // §20.17: rfc1123-date in GMT, which the "r" format writes.
        response.AddHeader(HeaderId.Date, now.UtcDateTime.ToString("r", CultureInfo.InvariantCulture));
        return response;
    }

    private static SipMessageBuilder Reject(SipMessage request, int statusCode, string reasonPhrase) =>
        SipMessageBuilder.CreateResponse(request, statusCode, reasonPhrase, SipIdentifiers.NewTag());

    private static string? UserAgentOf(SipMessage request) =>
        request.TryGetHeader(HeaderId.UserAgent, out var header) ? header.Value : null;

    private static string Seconds(TimeSpan duration) => ((long)duration.TotalSeconds).ToString(CultureInfo.InvariantCulture);
}
