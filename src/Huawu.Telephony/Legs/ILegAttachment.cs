namespace Huawu.Telephony.Legs;

/// <summary>
/// What a leg's audio is joined to: a bridge with one other leg, or a conference. A leg has at most one. Joining,
/// leaving and ending run under the node's attachment gate (<see cref="LegServices.AttachmentGate"/>), so two legs
/// always agree on what joins them, whichever mailboxes the changes come from.
/// </summary>
internal interface ILegAttachment
{
    /// <summary>
    /// Under the gate: <paramref name="leg"/> has ended; let go of it (and publish what that changes). The work returned
    /// runs after the leg's own end is published, outside the gate (hanging up a bridged partner).
    /// </summary>
    Action? OnLegEnded(CallLeg leg);

    /// <summary>In the leg's mailbox: it received a DTMF key.</summary>
    void OnDtmf(CallLeg leg, char key);
}
