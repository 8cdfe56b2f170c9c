using System.Diagnostics.CodeAnalysis;

namespace Huawu.Media.Codecs;

/// <summary>The codecs this node implements, found by rtpmap name (case-insensitive, RFC 4566 §6) or static type.</summary>
public static class AudioCodecs
{
    /// <summary>G.711 µ-law, PT 0.</summary>
    public static IAudioCodec Pcmu => G711Codec.MuLaw;

    /// <summary>G.711 A-law, PT 8.</summary>
    public static IAudioCodec Pcma => G711Codec.ALaw;

    /// <summary>Every codec offered by default, in preference order.</summary>
    public static IReadOnlyList<IAudioCodec> All { get; } = [G711Codec.MuLaw, G711Codec.ALaw];

    /// <summary>Finds a codec by encoding name, clock rate and channel count as an rtpmap line states them.</summary>
    public static bool TryFind(string encodingName, int clockRate, int channels, [NotNullWhen(true)] out IAudioCodec? codec)
    {
        foreach (var candidate in All)
        {
            if (string.Equals(candidate.EncodingName, encodingName, StringComparison.OrdinalIgnoreCase)
                && candidate.ClockRate == clockRate && candidate.Channels == channels)
            {
                codec = candidate;
                return true;
            }
        }
        codec = null;
        return false;
    }

    /// <summary>Finds a codec by its static payload type, for SDP that omits rtpmap (RFC 3551 Table 4).</summary>
    public static bool TryFindStatic(byte payloadType, [NotNullWhen(true)] out IAudioCodec? codec)
    {
        foreach (var candidate in All)
        {
            if (candidate.DefaultPayloadType == payloadType && payloadType < 96)
            {
                codec = candidate;
                return true;
            }
        }
        codec = null;
        return false;
    }
}
