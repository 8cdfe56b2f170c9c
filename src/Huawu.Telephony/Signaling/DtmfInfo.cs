using System.Text;
using Huawu.Media.Dtmf;
using Huawu.Sip.Messages;

namespace Huawu.Telephony.Signaling;

/// <summary>
/// DTMF carried by SIP INFO (RFC 6086 framework, legacy bodies without Info-Package): application/dtmf-relay, whose
/// body has a "Signal=5" line (and a Duration), and application/dtmf, whose body is the key itself.
/// </summary>
internal static class DtmfInfo
{
    public const string RelayType = "application/dtmf-relay";
    public const string PlainType = "application/dtmf";

    /// <summary>Whether <paramref name="info"/> carries a DTMF body; <paramref name="key"/> is its key when valid.</summary>
    public static bool IsDtmf(SipMessage info, out char? key)
    {
        key = null;
        if (!info.TryGetContentType(out var type)) return false;
        var body = Encoding.UTF8.GetString(info.Body.Span);
        if (type.Matches("application/dtmf-relay"u8))
        {
            key = FromRelay(body);
            return true;
        }
        if (!type.Matches("application/dtmf"u8)) return false;
        key = Valid(body.Trim());
        return true;
    }

    private static char? FromRelay(string body)
    {
        foreach (var line in body.Split('\n'))
        {
            var equals = line.IndexOf('=', StringComparison.Ordinal);
            if (equals < 0 || !line.AsSpan(0, equals).Trim().Equals("Signal", StringComparison.OrdinalIgnoreCase)) continue;
            return Valid(line[(equals + 1)..].Trim());
        }
        return null;
    }

    // Some phones send flash as "16" (the RFC 4733 event code); keys are one character.
    private static char? Valid(string value) =>
        value.Length == 1 && DtmfDigits.TryGetEventCode(value[0], out _) ? char.ToUpperInvariant(value[0]) : null;
}
