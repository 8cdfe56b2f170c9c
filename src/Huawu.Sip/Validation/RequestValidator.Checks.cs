using Huawu.Sip.Headers;
using Huawu.Sip.Messages;

namespace Huawu.Sip.Validation;

// The individual checks, in the order RFC 3261 §8.2 and §16.3 apply them.
public sealed partial class RequestValidator
{
    private RequestVerdict ValidateForUserAgent(SipMessage request, RequestRole role)
    {
        // §8.2.1 Method inspection: methods are case-sensitive; a standard one we lack is 405, anything else 501
        // (RFC 4475 §3.1.1.5 "esc02": "RE%47IST%45R" is not REGISTER).
        if (!ContainsExactly(methods, request.MethodBytes))
        {
            return RequestVerdict.Reject(request.Method.Known == KnownMethod.Unknown ? 501 : 405, null, allow);
        }
        // §8.2.2.1: a Request-URI scheme we do not route (RFC 4475 §3.3.2 "unkscm", §3.3.3 "novelsc").
        if (!ContainsIgnoringCase(uriSchemes, request.RequestUri.SchemeBytes)) return RequestVerdict.Reject(416);
        // §10.2: the address-of-record in To MUST be a SIP or SIPS URI (RFC 4475 §3.3.4 "unksm2").
        if (request.Method.Known == KnownMethod.Register && !request.To.Uri.IsSip)
        {
            return RequestVerdict.Reject(400, "To is not a SIP or SIPS URI");
        }
        // §8.2.2.3: every Require option tag must be supported (RFC 4475 §3.3.5 "bext01"). A CANCEL is exempt:
        // its Require only repeats the INVITE's.
        if (request.Method.Known != KnownMethod.Cancel && FindUnsupported(request, HeaderId.Require) is { } unsupported)
        {
            return RequestVerdict.Reject(420, null, new KeyValuePair<HeaderId, string>(HeaderId.Unsupported, unsupported));
        }
        // §8.2.3 Content processing (RFC 4475 §3.3.6 "invut").
        if (!request.Body.IsEmpty && request.TryGetContentType(out var type) && !IsSupported(type))
        {
            return RequestVerdict.Reject(415, null, accept);
        }
        foreach (var coding in request.GetTokens(HeaderId.ContentEncoding))
        {
            if (!ContainsIgnoringCase(contentEncodings, coding.Span)) return RequestVerdict.Reject(415, null, acceptEncoding);
        }
        // §21.4.7: an INVITE whose Accept rules out every body we could answer with (RFC 4475 §3.3.15 "sdp01").
        if (request.Method.Known == KnownMethod.Invite && !AcceptsAnyOfOurTypes(request)) return RequestVerdict.Reject(406);
        // RFC 7332 §3: a B2BUA decrements Max-Forwards on the leg it creates, so 0 means a loop.
        if (role == RequestRole.BackToBackUserAgent && request.MaxForwards == 0) return RequestVerdict.Reject(483);
        return RequestVerdict.Accepted;
    }

    private RequestVerdict ValidateForProxy(SipMessage request)
    {
        // §16.3 step 2: URI scheme; step 3: Max-Forwards (RFC 4475 §3.3.11 "zeromf"); step 5: Proxy-Require.
        if (!ContainsIgnoringCase(uriSchemes, request.RequestUri.SchemeBytes)) return RequestVerdict.Reject(416);
        if (request.MaxForwards == 0) return RequestVerdict.Reject(483);
        if (FindUnsupported(request, HeaderId.ProxyRequire) is { } unsupported)
        {
            return RequestVerdict.Reject(420, null, new KeyValuePair<HeaderId, string>(HeaderId.Unsupported, unsupported));
        }
        return RequestVerdict.Accepted;
    }

    /// <summary>The option tags of <paramref name="header"/> we do not support, joined for an Unsupported header; or null.</summary>
    private string? FindUnsupported(SipMessage request, HeaderId header)
    {
        List<string>? unsupported = null;
        foreach (var tag in request.GetTokens(header))
        {
            if (!ContainsIgnoringCase(extensions, tag.Span)) (unsupported ??= []).Add(System.Text.Encoding.UTF8.GetString(tag.Span));
        }
        return unsupported is null ? null : string.Join(", ", unsupported);
    }

    private bool IsSupported(MediaType type)
    {
        foreach (var supported in contentTypes)
        {
            if (type.Matches(supported)) return true;
        }
        return false;
    }

    private bool AcceptsAnyOfOurTypes(SipMessage request)
    {
        // RFC 3261 §20.1: without Accept, application/sdp is assumed.
        var ranges = request.Accept;
        if (ranges.IsAbsent) return true;
        foreach (var range in ranges)
        {
            foreach (var supported in contentTypes)
            {
                if (range.Matches(supported)) return true;
            }
        }
        return false;
    }
}
