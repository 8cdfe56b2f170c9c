using System.Diagnostics.CodeAnalysis;
using System.Text;

namespace Huawu.Telephony.Sdp;

/// <summary>
/// An SDP session description (RFC 4566): session-level fields followed by media descriptions.
/// Immutable; the offer/answer engine builds new ones rather than editing received ones.
/// </summary>
public sealed class SessionDescription
{
    public required SdpOrigin Origin { get; init; }

    /// <summary>s=; "-" when a peer left it out (RFC 4566 §5.3 makes it mandatory, some phones disagree).</summary>
    public string SessionName { get; init; } = "-";

    public string? Information { get; init; }

    public SdpConnection? Connection { get; init; }

    public IReadOnlyList<SdpBandwidth> Bandwidths { get; init; } = [];

    /// <summary>t= lines; when empty, "t=0 0" is written (RFC 4566 §5.9 requires at least one).</summary>
    public IReadOnlyList<SdpTiming> Timings { get; init; } = [];

    /// <summary>Session-level u=, e=, p=, r=, z=, k= lines, kept verbatim.</summary>
    public IReadOnlyList<SdpLine> OtherLines { get; init; } = [];

    public IReadOnlyList<SdpAttribute> Attributes { get; init; } = [];

    public IReadOnlyList<MediaDescription> Media { get; init; } = [];

    /// <summary>The session-level direction attribute, if any.</summary>
    public MediaDirection? Direction => MediaDirections.Find(Attributes);

    /// <summary>
    /// Parses a description. Lenient where deployed phones deviate (LF-only line ends, trailing
    /// whitespace, blank lines, no s= or t=); strict about everything else, with the line and reason.
    /// </summary>
    public static bool TryParse(string text, [NotNullWhen(true)] out SessionDescription? description, out SdpParseError error)
    {
        ArgumentNullException.ThrowIfNull(text);
        return SdpParser.TryParse(text, out description, out error);
    }

    /// <summary>Parses a UTF-8 message body (RFC 4566 §5: the default charset of SDP text fields).</summary>
    public static bool TryParse(ReadOnlySpan<byte> utf8, [NotNullWhen(true)] out SessionDescription? description, out SdpParseError error) =>
        SdpParser.TryParse(Encoding.UTF8.GetString(utf8), out description, out error);

    /// <summary>RFC 3264 §5.1: a media-level direction overrides the session's; the default is sendrecv.</summary>
    public MediaDirection DirectionOf(MediaDescription media)
    {
        ArgumentNullException.ThrowIfNull(media);
        return media.Direction ?? Direction ?? MediaDirection.SendRecv;
    }

    /// <summary>RFC 4566 §5.7: a media-level c= overrides the session's.</summary>
    public SdpConnection? ConnectionOf(MediaDescription media)
    {
        ArgumentNullException.ThrowIfNull(media);
        return media.Connection ?? Connection;
    }

    /// <summary>The description as SDP text with CRLF line ends, in RFC 4566 §5 line order.</summary>
    public override string ToString() => SdpWriter.Write(this, includeOrigin: true);

    /// <summary>UTF-8 bytes of <see cref="ToString"/>, for a message body.</summary>
    public byte[] ToUtf8() => Encoding.UTF8.GetBytes(ToString());
}
