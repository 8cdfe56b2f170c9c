using System.Globalization;
using System.Text;
using Huawu.Sip.Headers;
using Huawu.Sip.Messages;

namespace Huawu.Telephony.Signaling;

/// <summary>
/// Reads the NOTIFYs of a REFER's implicit subscription (RFC 3515 §2.4.4): Event "refer", a message/sipfrag body
/// whose status line (RFC 3420) tells how the referred call goes, and Subscription-State saying whether more follow.
/// </summary>
internal static class ReferNotify
{
    public const string SipFragType = "message/sipfrag";

    /// <summary>RFC 3515 §3: the event package of REFER's subscription ("refer", perhaps with an ;id parameter).</summary>
    public static bool IsReferEvent(SipMessage notify) =>
        notify.TryGetHeader(HeaderId.Event, out var header) &&
        string.Equals(header.Value.Split(';')[0].Trim(), "refer", StringComparison.OrdinalIgnoreCase);

    /// <summary>RFC 6665 §4.1.3: a Subscription-State of "terminated" ends the subscription; no NOTIFY follows.</summary>
    public static bool EndsSubscription(SipMessage notify) =>
        notify.TryGetHeader(HeaderId.SubscriptionState, out var header) &&
        header.Value.TrimStart().StartsWith("terminated", StringComparison.OrdinalIgnoreCase);

    /// <summary>The status code of the sipfrag's status line ("SIP/2.0 180 Ringing"), when the body is one.</summary>
    public static bool TryReadStatus(SipMessage notify, out int status)
    {
        status = 0;
        if (!notify.TryGetContentType(out var type) || !type.Matches("message/sipfrag"u8)) return false;
        var firstLine = Encoding.UTF8.GetString(notify.Body.Span).TrimStart().Split('\n')[0].Trim();
        var parts = firstLine.Split(' ', 3, StringSplitOptions.RemoveEmptyEntries);
        return parts.Length >= 2 && parts[0] == "SIP/2.0" &&
               int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out status) && status is >= 100 and < 700;
    }
}
