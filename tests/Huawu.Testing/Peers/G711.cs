namespace Huawu.Testing.Peers;

/// <summary>The G.711 codecs interop peers offer, by their static RTP payload type (RFC 3551 §6).</summary>
public enum G711
{
    Pcmu = 0,
    Pcma = 8,
}

public static class G711Extensions
{
    /// <summary>The SDP encoding name (RFC 3551 §4.5.14).</summary>
    public static string EncodingName(this G711 codec) => codec == G711.Pcma ? "PCMA" : "PCMU";
}
