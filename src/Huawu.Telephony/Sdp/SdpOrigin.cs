using System.Globalization;

namespace Huawu.Telephony.Sdp;

/// <summary>
/// <c>o=&lt;username&gt; &lt;sess-id&gt; &lt;sess-version&gt; &lt;nettype&gt; &lt;addrtype&gt; &lt;unicast-address&gt;</c>
/// (RFC 4566 §5.2). RFC 3264 §8: the version goes up by one whenever the description changes.
/// </summary>
public sealed record SdpOrigin(string Username, ulong SessionId, ulong SessionVersion, SdpConnection Address)
{
    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"{Username} {SessionId} {SessionVersion} {Address}");
}
