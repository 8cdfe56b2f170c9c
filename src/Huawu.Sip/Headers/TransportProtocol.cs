using System.Text;

namespace Huawu.Sip.Headers;

/// <summary>The transport of a Via sent-protocol (RFC 3261 §20.42, RFC 7118 for WS/WSS).</summary>
public enum TransportProtocol : byte
{
    Unknown = 0,
    Udp,
    Tcp,
    Tls,
    Sctp,
    TlsSctp,
    Ws,
    Wss,
}

internal static class TransportProtocols
{
    public static TransportProtocol Recognize(ReadOnlySpan<byte> name) =>
        Ascii.EqualsIgnoreCase(name, "UDP"u8) ? TransportProtocol.Udp
        : Ascii.EqualsIgnoreCase(name, "TCP"u8) ? TransportProtocol.Tcp
        : Ascii.EqualsIgnoreCase(name, "TLS"u8) ? TransportProtocol.Tls
        : Ascii.EqualsIgnoreCase(name, "SCTP"u8) ? TransportProtocol.Sctp
        : Ascii.EqualsIgnoreCase(name, "TLS-SCTP"u8) ? TransportProtocol.TlsSctp
        : Ascii.EqualsIgnoreCase(name, "WS"u8) ? TransportProtocol.Ws
        : Ascii.EqualsIgnoreCase(name, "WSS"u8) ? TransportProtocol.Wss
        : TransportProtocol.Unknown;
}
