using System.Net;
using System.Text;
using Huawu.Sip.Parsing;
using Huawu.Sip.Uris;

namespace Huawu.Telephony.Registrar;

/// <summary>
/// RFC 3261 §19.1.4 URI comparison, as §10.3 step 7 asks for matching a Contact against the bindings
/// and digest checks for matching the credentials' uri against the Request-URI.
/// The SIP stack branch carries the same rules as <c>Huawu.Sip.Uris.SipUriEquivalence</c>; once it is merged this
/// class gives way to it.
/// </summary>
internal static class UriEquivalence
{
    // §19.1.4: these parameters match only when both URIs have them (with equal values) or neither does.
    private static readonly string[] ParametersOnBothSides = ["transport", "user", "ttl", "method", "maddr"];

    public static bool AreEquivalent(SipUri left, SipUri right)
    {
        if (!left.IsSip || !right.IsSip)
        {
            return left.Scheme == right.Scheme && Ascii.EqualsIgnoreCase(left.RawBytes, right.RawBytes);
        }
        // §19.1.4: userinfo compares case-sensitively after unescaping; host ignoring case; an absent port
        // never equals an explicit one.
        return left.Scheme == right.Scheme
            && string.Equals(left.User, right.User, StringComparison.Ordinal)
            && string.Equals(left.Password, right.Password, StringComparison.Ordinal)
            && HostsEqual(left.Host, right.Host)
            && left.HasPort == right.HasPort && left.Port == right.Port
            && ParametersEqual(left.Parameters, right.Parameters)
            && HeadersEqual(left.HeadersBytes, right.HeadersBytes);
    }

    private static bool HostsEqual(string left, string right)
    {
        if (string.Equals(left, right, StringComparison.OrdinalIgnoreCase)) return true;
        return IPAddress.TryParse(left.Trim('[', ']'), out var a) && IPAddress.TryParse(right.Trim('[', ']'), out var b) && a.Equals(b);
    }

    /// <summary>Parameters in both URIs must agree; the ones above must also be present in both or neither.</summary>
    private static bool ParametersEqual(SipParameters left, SipParameters right)
    {
        foreach (var parameter in left)
        {
            var other = right.GetValue(parameter.Name);
            if (other is not null && !string.Equals(other, parameter.Value ?? "", StringComparison.OrdinalIgnoreCase)) return false;
        }
        foreach (var name in ParametersOnBothSides)
        {
            if (left.Contains(name) != right.Contains(name)) return false;
        }
        return true;
    }

    /// <summary>§19.1.4: URI headers are never ignored; both sides must have the same ones, in any order.</summary>
    private static bool HeadersEqual(ReadOnlySpan<byte> left, ReadOnlySpan<byte> right)
    {
        if (left.IsEmpty || right.IsEmpty) return left.IsEmpty && right.IsEmpty;
        var leftSet = DecodeHeaders(left);
        var rightSet = DecodeHeaders(right);
        return leftSet.Count == rightSet.Count && leftSet.All(h => rightSet.Contains(h));
    }

    private static HashSet<string> DecodeHeaders(ReadOnlySpan<byte> headers)
    {
        var set = new HashSet<string>(StringComparer.Ordinal);
        foreach (var range in headers.Split((byte)'&'))
        {
            var pair = headers[range];
            var equals = pair.IndexOf((byte)'=');
            var name = PercentEncoding.Decode(equals < 0 ? pair : pair[..equals]).ToUpperInvariant();
            var value = equals < 0 ? "" : PercentEncoding.Decode(pair[(equals + 1)..]);
            set.Add(name + "=" + value);
        }
        return set;
    }
}
