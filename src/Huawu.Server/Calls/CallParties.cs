using Huawu.Data.Calls;
using Huawu.Telephony.Cti;
using TelephonyDirection = Huawu.Telephony.Calls.CallDirection;

namespace Huawu.Server.Calls;

/// <summary>
/// Who is on a leg, as the record keeps it. The far party (the caller of an inbound leg, the called party of an outbound
/// one) is the customer — a personal number the repository encrypts and blind-indexes — unless it is one of our
/// extensions reached without a trunk; our side is the number dialled in, or the caller ID we sent.
/// </summary>
internal sealed class CallParties(IReadOnlySet<string> extensions)
{
    public const string CustomerRole = "customer";
    public const string ExtensionRole = "extension";

    /// <summary>
    /// The record of a conversation begun by <paramref name="first"/>: between extensions it is internal, with no customer.
    /// Its trunk is the first leg's (the one the customer's call came in or was dialed by).
    /// </summary>
    public NewCallRecord Record(CallCreated first)
    {
        ArgumentNullException.ThrowIfNull(first);
        var isInternal = IsExtension(first);
        var direction = isInternal ? CallDirection.Internal
            : first.Direction == TelephonyDirection.Inbound ? CallDirection.Inbound : CallDirection.Outbound;
        return new NewCallRecord(first.CallId.Value, direction, first.At)
        {
            CustomerPhone = isInternal ? null : FarParty(first),
            LocalNumber = first.Direction == TelephonyDirection.Inbound ? first.To : first.From,
            Trunk = first.Trunk,
        };
    }

    public NewCallLeg Leg(CallCreated leg)
    {
        ArgumentNullException.ThrowIfNull(leg);
        return new NewCallLeg(leg.CallId.Value, IsExtension(leg) ? ExtensionRole : CustomerRole, FarParty(leg), leg.At) { Trunk = leg.Trunk };
    }

    private bool IsExtension(CallCreated leg) => leg.Trunk is null && extensions.Contains(FarParty(leg));

    private static string FarParty(CallCreated leg) => leg.Direction == TelephonyDirection.Inbound ? leg.From : leg.To;
}
