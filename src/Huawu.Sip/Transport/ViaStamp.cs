using System.Globalization;
using System.Net;
using System.Text;
using Huawu.Sip.Headers;
using Huawu.Sip.Parsing;

namespace Huawu.Sip.Transport;

/// <summary>
/// What a server transport adds to the top Via of a request it receives (RFC 3261 §18.2.1, RFC 3581 §4): received
/// when the sent-by host is not the packet's source address, and the source port in rport when the client asked.
/// Responses copy the stamped Via, and are routed by it (§18.2.2).
/// </summary>
internal static class ViaStamp
{
    /// <summary>The top Via value to put in responses, or null when the request's own value stands.</summary>
    /// <param name="forceRport">Stamp rport even when not asked (symmetric response routing for NATed peers).</param>
    public static string? Stamp(ViaHeader topVia, IPEndPoint source, bool forceRport)
    {
        var rport = topVia.HasRport || forceRport;
        // RFC 3581 §4: with rport the server MUST add received, even when it equals the sent-by host.
        if (!rport && SentByIsSource(topVia, source.Address)) return null;

        var raw = topVia.RawBytes;
        var parameters = topVia.Parameters.RawBytes;
        var prefix = parameters.IsEmpty || !raw.Overlaps(parameters, out var offset) ? raw : raw[..offset];
        // The sent-protocol and sent-by may be folded over lines (RFC 4475 §3.1.1.1): a header value is one line.
        var text = new StringBuilder(FoldedText.ToUnfoldedString(prefix).TrimEnd());
        foreach (var parameter in topVia.Parameters)
        {
            if (parameter.NameEquals("received"u8) || parameter.NameEquals("rport"u8)) continue;
            text.Append(';').Append(Encoding.UTF8.GetString(parameter.NameBytes));
            if (parameter.HasValue)
            {
                var value = Encoding.UTF8.GetString(parameter.ValueBytes);
                text.Append('=').Append(parameter.IsQuoted ? "\"" + value + "\"" : value);
            }
        }
        text.Append(";received=").Append(ReceivedText(source.Address));
        if (rport) text.Append(";rport=").Append(source.Port.ToString(CultureInfo.InvariantCulture));
        return text.ToString();
    }

    private static bool SentByIsSource(ViaHeader via, IPAddress source)
    {
        var host = via.Host;
        if (host.Length > 2 && host[0] == '[') host = host[1..^1];
        return IPAddress.TryParse(host, out var sentBy) && Normalize(sentBy).Equals(Normalize(source));
    }

    private static string ReceivedText(IPAddress address) => Normalize(address).ToString();

    // A dual-stack socket reports IPv4 peers as ::ffff:a.b.c.d; write and compare them as IPv4.
    private static IPAddress Normalize(IPAddress address) => address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address;
}
