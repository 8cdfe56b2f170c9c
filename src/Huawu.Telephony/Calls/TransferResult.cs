namespace Huawu.Telephony.Calls;

/// <summary>
/// How a transfer ended: whether the party was connected to the target, the SIP status that told (the final status
/// of the REFER's NOTIFYs, or of our call to the target; null when none came), and a sentence for logs.
/// </summary>
public sealed record TransferResult(bool Succeeded, int? SipStatus, string Reason)
{
    public static TransferResult Failed(int? sipStatus, string reason) => new(false, sipStatus, reason);

    public override string ToString() => $"{(Succeeded ? "transferred" : "not transferred")} ({SipStatus?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "no SIP status"}): {Reason}";
}
