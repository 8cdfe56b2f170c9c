using System.Globalization;

namespace Huawu.Telephony.Sdp;

/// <summary><c>t=&lt;start-time&gt; &lt;stop-time&gt;</c> as NTP seconds; "0 0" is an unbounded session (RFC 4566 §5.9).</summary>
public sealed record SdpTiming(ulong Start, ulong Stop)
{
    public static SdpTiming Unbounded { get; } = new(0, 0);

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Start} {Stop}");
}
