using System.Net;
using System.Net.Sockets;
using Huawu.Telephony.Configuration;

namespace Huawu.Telephony.Engine;

/// <summary>How the node names itself to others: in SDP (where RTP reaches it) and in Contacts sent to trunks.</summary>
internal static class NodeAddresses
{
    /// <summary>
    /// The address our SDP offers for RTP (RFC 4566 c=): the public address when it is an IP address, else the RTP
    /// bind address, else (bound to a wildcard) the first SIP listener's, else the host's first IPv4 address.
    /// </summary>
    public static IPAddress ForMedia(TelephonyOptions options)
    {
        if (IPAddress.TryParse(options.Sip.PublicAddress, out var published)) return published;
        if (IPAddress.TryParse(options.Rtp.Address, out var rtp) && !IsWildcard(rtp)) return rtp;
        var listener = options.Sip.Listen.Select(l => IPAddress.TryParse(l.Address, out var a) ? a : null).FirstOrDefault(a => a is not null && !IsWildcard(a));
        return listener ?? Dns.GetHostAddresses(Dns.GetHostName()).FirstOrDefault(a => a.AddressFamily == AddressFamily.InterNetwork) ?? IPAddress.Loopback;
    }

    /// <summary>The host our Contact names for trunks: the public address or name, else the listener's address.</summary>
    public static string ForSignalling(TelephonyOptions options, IPEndPoint listener)
    {
        if (!string.IsNullOrEmpty(options.Sip.PublicAddress)) return options.Sip.PublicAddress;
        return IsWildcard(listener.Address) ? ForMedia(options).ToString() : listener.Address.ToString();
    }

    private static bool IsWildcard(IPAddress address) => address.Equals(IPAddress.Any) || address.Equals(IPAddress.IPv6Any);
}
