using System.Globalization;

namespace Huawu.Telephony.Sdp;

/// <summary><c>b=&lt;bwtype&gt;:&lt;bandwidth&gt;</c> in kilobits per second for AS/CT (RFC 4566 §5.8).</summary>
public sealed record SdpBandwidth(string Type, ulong Value)
{
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Type}:{Value}");
}
