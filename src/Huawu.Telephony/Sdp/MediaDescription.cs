using System.Globalization;

namespace Huawu.Telephony.Sdp;

/// <summary>
/// One media description: the <c>m=</c> line and the i=, c=, b=, k= and a= lines under it (RFC 4566 §5.14).
/// </summary>
public sealed partial class MediaDescription
{
    /// <summary>"audio", "video", "application", … (RFC 4566 §5.14).</summary>
    public required string Media { get; init; }

    /// <summary>The transport port; 0 marks a rejected or disabled stream (RFC 3264 §6, §8.2).</summary>
    public required int Port { get; init; }

    /// <summary>The "/&lt;number of ports&gt;" suffix of the port, when present.</summary>
    public int? PortCount { get; init; }

    /// <summary>"RTP/AVP", "RTP/SAVP", "UDP/TLS/RTP/SAVPF", …</summary>
    public required string Protocol { get; init; }

    /// <summary>The media formats: RTP payload type numbers for RTP profiles.</summary>
    public required IReadOnlyList<string> Formats { get; init; }

    public string? Information { get; init; }

    public SdpConnection? Connection { get; init; }

    public IReadOnlyList<SdpBandwidth> Bandwidths { get; init; } = [];

    /// <summary>Media-level k= lines, kept verbatim.</summary>
    public IReadOnlyList<SdpLine> OtherLines { get; init; } = [];

    public IReadOnlyList<SdpAttribute> Attributes { get; init; } = [];

    /// <summary>The m= line value, e.g. "audio 49170 RTP/AVP 0 8 101".</summary>
    public string MediaLine
    {
        get
        {
            var port = PortCount is { } count
                ? string.Create(CultureInfo.InvariantCulture, $"{Port}/{count}")
                : Port.ToString(CultureInfo.InvariantCulture);
            return Formats.Count == 0 ? $"{Media} {port} {Protocol}" : $"{Media} {port} {Protocol} {string.Join(' ', Formats)}";
        }
    }

    public bool IsAudio => string.Equals(Media, "audio", StringComparison.OrdinalIgnoreCase);

    /// <summary>RFC 3264 §6: port 0 means the stream is rejected or disabled.</summary>
    public bool IsDisabled => Port == 0;
}
