using System.Diagnostics.CodeAnalysis;

namespace Huawu.Telephony.Sdp;

/// <summary><c>a=fmtp:&lt;format&gt; &lt;format specific parameters&gt;</c> (RFC 4566 §6), e.g. "101 0-16" (RFC 4733 §2.4.1).</summary>
public sealed record SdpFmtp(string Format, string Parameters)
{
    public const string AttributeName = "fmtp";

    public static bool TryParse(string? value, [NotNullWhen(true)] out SdpFmtp? fmtp)
    {
        fmtp = null;
        if (string.IsNullOrEmpty(value)) return false;
        var space = value.IndexOf(' ', StringComparison.Ordinal);
        // Some phones send "a=fmtp:101" with nothing after it; that is an empty parameter list, not garbage.
        fmtp = space < 0 ? new SdpFmtp(value, "") : new SdpFmtp(value[..space], value[(space + 1)..].Trim());
        return fmtp.Format.Length > 0;
    }

    public SdpAttribute ToAttribute() => new(AttributeName, ToString());

    public override string ToString() => Parameters.Length == 0 ? Format : $"{Format} {Parameters}";
}
