using System.Text;

namespace Huawu.Testing.Peers.Wire;

/// <summary>A SIP message captured on the wire, with the datagram that carried it (who sent it to whom, and when).</summary>
public sealed record CapturedSipMessage(UdpDatagram Datagram, string Text) : SipMessageText(Text)
{
    /// <summary>
    /// The SIP messages among <paramref name="datagrams"/>, in capture order: datagrams that start with a SIP/2.0
    /// response line or a request line ending in SIP/2.0 (RFC 3261 §7.1). RTP, RTCP and keepalives are skipped.
    /// </summary>
    public static IReadOnlyList<CapturedSipMessage> From(IEnumerable<UdpDatagram> datagrams)
    {
        ArgumentNullException.ThrowIfNull(datagrams);
        var messages = new List<CapturedSipMessage>();
        foreach (var datagram in datagrams)
        {
            var payload = datagram.Payload.Span;
            var lineEnd = payload.IndexOf("\r\n"u8);
            if (lineEnd <= 0) continue;
            var startLine = payload[..lineEnd];
            if (startLine.StartsWith("SIP/2.0 "u8) || startLine.EndsWith(" SIP/2.0"u8))
            {
                messages.Add(new CapturedSipMessage(datagram, Encoding.UTF8.GetString(payload)));
            }
        }
        return messages;
    }

    public override string ToString() => $"{Datagram.Timestamp:HH:mm:ss.ffffff} {Datagram.Source} -> {Datagram.Destination}: {StartLine}";
}
