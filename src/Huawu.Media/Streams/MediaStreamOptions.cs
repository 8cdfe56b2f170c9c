using Huawu.Media.Jitter;

namespace Huawu.Media.Streams;

/// <summary>Per-stream settings that do not come from SDP.</summary>
public sealed record MediaStreamOptions
{
    public JitterBufferOptions JitterBuffer { get; init; } = new();

    /// <summary>No RTP for this long while receiving raises <see cref="MediaStream.RtpTimeout"/>.</summary>
    public TimeSpan RtpTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>How long the latched source must be silent before another source may take over (RFC 4961 latching).</summary>
    public TimeSpan RelatchAfterSilence { get; init; } = TimeSpan.FromMilliseconds(500);

    /// <summary>The session bandwidth in bits per second, of which RTCP takes 5 % (RFC 3550 §6.2). G.711 with headers is about 80 kbit/s.</summary>
    public int SessionBandwidth { get; init; } = 80_000;

    /// <summary>The CNAME sent in SDES; null for a random one per stream (RFC 7022).</summary>
    public string? CanonicalName { get; init; }
}
