using System.Text;
using Huawu.Sip.Headers;
using Huawu.Sip.Messages;

namespace Huawu.Sip.Validation;

/// <summary>
/// Decides which final response, if any, a received request gets before the application sees it, following the
/// order of RFC 3261 §8.2 for user agents and §16.3 for proxies. Stateless and thread-safe.
/// </summary>
public sealed partial class RequestValidator
{
    private readonly byte[][] methods;
    private readonly byte[][] extensions;
    private readonly byte[][] contentTypes;
    private readonly byte[][] contentEncodings;
    private readonly byte[][] uriSchemes;
    private readonly KeyValuePair<HeaderId, string> allow;
    private readonly KeyValuePair<HeaderId, string> accept;
    private readonly KeyValuePair<HeaderId, string> acceptEncoding;

    public RequestValidator(LocalCapabilities capabilities)
    {
        ArgumentNullException.ThrowIfNull(capabilities);
        methods = Encode(capabilities.Methods);
        extensions = Encode(capabilities.Extensions);
        contentTypes = Encode(capabilities.ContentTypes);
        contentEncodings = Encode(["identity", .. capabilities.ContentEncodings]);
        uriSchemes = Encode(capabilities.UriSchemes);
        allow = new(HeaderId.Allow, string.Join(", ", capabilities.Methods));
        accept = new(HeaderId.Accept, string.Join(", ", capabilities.ContentTypes));
        acceptEncoding = new(HeaderId.AcceptEncoding, string.Join(", ", ["identity", .. capabilities.ContentEncodings]));
    }

    public RequestVerdict Validate(SipMessage request, RequestRole role = RequestRole.UserAgentServer)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!request.IsRequest) throw new ArgumentException("Only requests are validated.", nameof(request));

        // An ACK is never answered (RFC 3261 §17.1.1.3, §17.2.1): whatever is wrong with it, there is no reply.
        if (request.Method.Known == KnownMethod.Ack) return RequestVerdict.Accepted;

        // RFC 3261 §21.5.6; RFC 4475 §3.1.2.16 "badvers".
        if (!request.IsSipVersion2) return RequestVerdict.Reject(505);

        // Any header that does not parse makes the request malformed (RFC 3261 §8.2, §16.3 step 1;
        // RFC 4475 §3.1.2.12 "baddate", §3.1.2.13 "regbadct").
        if (!request.TryValidateHeaders(out var malformed)) return RequestVerdict.Reject(400, malformed);
        // RFC 3261 §20.15: a non-empty body MUST come with its Content-Type.
        if (!request.Body.IsEmpty && !request.TryGetContentType(out _)) return RequestVerdict.Reject(400, "Missing Content-Type");

        return role == RequestRole.Proxy ? ValidateForProxy(request) : ValidateForUserAgent(request, role);
    }

    private static byte[][] Encode(IEnumerable<string> values) => [.. values.Select(Encoding.UTF8.GetBytes)];

    private static bool ContainsIgnoringCase(byte[][] set, ReadOnlySpan<byte> value)
    {
        foreach (var candidate in set)
        {
            if (Ascii.EqualsIgnoreCase(candidate, value)) return true;
        }
        return false;
    }

    private static bool ContainsExactly(byte[][] set, ReadOnlySpan<byte> value)
    {
        foreach (var candidate in set)
        {
            if (value.SequenceEqual(candidate)) return true;
        }
        return false;
    }
}
