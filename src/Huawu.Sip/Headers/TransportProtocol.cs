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

/// <summary>The Via spelling of each transport, read ignoring case and written in upper case.</summary>
internal static class TransportProtocols
{
    private static readonly string[] Names = ["", "UDP", "TCP", "TLS", "SCTP", "TLS-SCTP", "WS", "WSS"];
    private static readonly byte[][] NameBytes = [.. Names.Select(Encoding.ASCII.GetBytes)];

    public static TransportProtocol Recognize(ReadOnlySpan<byte> name)
    {
        for (var i = 1; i < NameBytes.Length; i++)
        {
            if (Ascii.EqualsIgnoreCase(name, NameBytes[i])) return (TransportProtocol)i;
        }
        return TransportProtocol.Unknown;
    }

    public static string NameOf(TransportProtocol transport) =>
        transport != TransportProtocol.Unknown && (int)transport < Names.Length
            ? Names[(int)transport]
            : throw new ArgumentOutOfRangeException(nameof(transport), transport, "A Via needs a concrete transport.");
}
