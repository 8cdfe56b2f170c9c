using Huawu.Data.Protection;
using Huawu.Server.Security;

namespace Huawu.Server.Realtime;

/// <summary>
/// A party of a call as signaling names it (<c>sip:+8613812345678@carrier</c>, <c>13812345678</c>, <c>1001</c>), shown
/// whole to those who see phone numbers and otherwise reduced to its user part (the host can carry the number
/// again), masked when it is a subscriber's number (<c>138****5678</c>). Extensions and built-in names are not
/// personal data and stay readable, as in the node's call log.
/// </summary>
internal static class PartyText
{
    // Numbers this long are subscribers' phone numbers; shorter ones are extensions and service numbers.
    private const int PhoneNumberDigits = 7;

    public static string? Show(PersonalDataView view, string? party)
    {
        ArgumentNullException.ThrowIfNull(view);
        if (party is null || view.SeesWhole(DataClass.PhoneNumber)) return party;
        var user = party;
        var scheme = user.IndexOf(':', StringComparison.Ordinal);
        if (scheme >= 0 && user[..scheme] is "sip" or "sips" or "tel") user = user[(scheme + 1)..];
        var at = user.IndexOf('@', StringComparison.Ordinal);
        if (at >= 0) user = user[..at];
        var parameters = user.IndexOf(';', StringComparison.Ordinal);
        if (parameters >= 0) user = user[..parameters];
        return user.Count(char.IsAsciiDigit) >= PhoneNumberDigits ? Masking.Phone(user) : user;
    }
}
