using Huawu.Sip.Headers;
using Huawu.Sip.Uris;

namespace Huawu.Telephony.Signaling;

/// <summary>How calls name their parties: by the user part (a number or extension) of SIP addresses.</summary>
internal static class SipAddresses
{
    /// <summary>The user part of the address's URI, or its host when it has none.</summary>
    public static string PartyOf(NameAddress address) => PartyOf(address.Uri);

    public static string PartyOf(SipUri uri) => uri.User ?? uri.Host;

    /// <summary>A name-addr with an optional display name, quoted as RFC 3261 §25.1 wants.</summary>
    public static string NameAddr(string uri, string? displayName) =>
        string.IsNullOrEmpty(displayName)
            ? "<" + uri + ">"
            : "\"" + displayName.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal) + "\" <" + uri + ">";
}
