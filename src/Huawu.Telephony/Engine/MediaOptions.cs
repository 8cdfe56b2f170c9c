using System.Net;
using Huawu.Media.Streams;
using Huawu.Telephony.Configuration;

namespace Huawu.Telephony.Engine;

/// <summary>The media engine's settings for a node, from the RTP configuration.</summary>
internal static class MediaOptions
{
    public static MediaEngineOptions For(RtpOptions rtp)
    {
        var ports = Ports(rtp);
        return new MediaEngineOptions
        {
            BindAddress = IPAddress.Parse(rtp.Address),
            MinimumPort = ports.First,
            MaximumPort = ports.Last,
            // 0 turns the check off: a timeout no silence can reach.
            Stream = new MediaStreamOptions { RtpTimeout = rtp.TimeoutSeconds == 0 ? TimeSpan.MaxValue : TimeSpan.FromSeconds(rtp.TimeoutSeconds) },
        };
    }

    /// <summary>The configured range; the options are validated before an engine is made, so it parses.</summary>
    public static PortRange Ports(RtpOptions rtp) =>
        PortRange.TryParse(rtp.Ports, out var range, out var error) ? range : throw new ArgumentException($"rtp.ports: {error}", nameof(rtp));
}
