using System.Net;
using System.Text;
using Huawu.Sip.Parsing;

namespace Huawu.Sip.Uris;

/// <summary>
/// URI comparison by RFC 3261 §19.1.4, for dialog targets, registrar bindings and Request-URI checks. SIP and SIPS
/// URIs follow the section's rules; other schemes (tel, absolute URIs) compare as written, ignoring case.
/// </summary>
public static class SipUriEquivalence
{
    // §19.1.4: "A URI omitting any component with a default value will not match a URI explicitly containing that
    // component with its default value ... the same is true for the transport-parameter, ttl-parameter,
    // user-parameter, and method components", and maddr present on one side only never matches either.
    private static readonly byte[][] ParametersThatMustBeOnBothSides =
        ["transport"u8.ToArray(), "user"u8.ToArray(), "ttl"u8.ToArray(), "method"u8.ToArray(), "maddr"u8.ToArray()];

    public static bool AreEquivalent(SipUri left, SipUri right)
    {
        if (!left.IsSip || !right.IsSip)
        {
            return left.Scheme == right.Scheme && UriComponent.Equal(left.RawBytes, right.RawBytes, ignoreCase: true);
        }
        // §19.1.4: a SIP and a SIPS URI are never equivalent; userinfo is case-sensitive, the rest is not.
        return left.Scheme == right.Scheme
            && UriComponent.Equal(left.UserBytes, right.UserBytes, ignoreCase: false)
            && UriComponent.Equal(left.PasswordBytes, right.PasswordBytes, ignoreCase: false)
            && HostsEqual(left.HostBytes, right.HostBytes)
            // An absent port never equals an explicit 5060: the two can resolve differently (§19.1.4).
            && left.HasPort == right.HasPort && left.Port == right.Port
            && ParametersEqual(left.Parameters, right.Parameters)
            && UriHeadersEquivalence.Equal(left.HeadersBytes, right.HeadersBytes);
    }

    private static bool HostsEqual(ReadOnlySpan<byte> left, ReadOnlySpan<byte> right)
    {
        if (Ascii.EqualsIgnoreCase(left, right)) return true;
        // Two spellings of one IP address ("[::1]", "[0:0:0:0:0:0:0:1]") are the same host; a name and the
        // address it resolves to are not (§19.1.4).
        return TryParseAddress(left, out var a) && TryParseAddress(right, out var b) && a.Equals(b);
    }

    private static bool TryParseAddress(ReadOnlySpan<byte> host, out IPAddress address)
    {
        Span<char> text = stackalloc char[host.Length];
        for (var i = 0; i < host.Length; i++) text[i] = (char)host[i];
        var unbracketed = text.Length > 2 && text[0] == '[' ? text[1..^1] : text;
        return IPAddress.TryParse(unbracketed, out address!);
    }

    private static bool ParametersEqual(SipParameters left, SipParameters right) =>
        EveryParameterMatches(left, right) && EveryParameterMatches(right, left);

    /// <summary>§19.1.4: parameters on both sides must match; only the special ones must be on both sides.</summary>
    private static bool EveryParameterMatches(SipParameters these, SipParameters others)
    {
        foreach (var parameter in these)
        {
            if (TryFind(others, parameter, out var other))
            {
                if (parameter.HasValue != other.HasValue
                    || !UriComponent.Equal(parameter.ValueBytes, other.ValueBytes, ignoreCase: true))
                {
                    return false;
                }
            }
            else if (IsRequiredOnBothSides(parameter))
            {
                return false;
            }
        }
        return true;
    }

    private static bool TryFind(SipParameters parameters, SipParameter wanted, out SipParameter found)
    {
        foreach (var candidate in parameters)
        {
            if (UriComponent.Equal(candidate.NameBytes, wanted.NameBytes, ignoreCase: true))
            {
                found = candidate;
                return true;
            }
        }
        found = default;
        return false;
    }

    private static bool IsRequiredOnBothSides(SipParameter parameter)
    {
        foreach (var name in ParametersThatMustBeOnBothSides)
        {
            if (UriComponent.Equal(parameter.NameBytes, name, ignoreCase: true)) return true;
        }
        return false;
    }
}
