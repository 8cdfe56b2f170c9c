namespace Huawu.Telephony.Calls;

/// <summary>
/// The outcome of <see cref="ICallControl.OriginateAsync"/>: the answered call, or why there is none, with the SIP
/// status that ended the attempt (null when none was exchanged, e.g. an unknown trunk or no free RTP port).
/// </summary>
public sealed record OriginateResult
{
    private OriginateResult(ICall? call, HangupCause cause, int? sipStatus, string reason)
    {
        Call = call;
        Cause = cause;
        SipStatus = sipStatus;
        Reason = reason;
    }

    /// <summary>The answered call; null on failure.</summary>
    public ICall? Call { get; }

    public bool IsAnswered => Call is not null;

    /// <summary><see cref="HangupCause.NormalClearing"/> when answered, else why not.</summary>
    public HangupCause Cause { get; }

    public int? SipStatus { get; }

    /// <summary>A sentence for logs.</summary>
    public string Reason { get; }

    public static OriginateResult Answered(ICall call)
    {
        ArgumentNullException.ThrowIfNull(call);
        return new(call, HangupCause.NormalClearing, 200, "answered");
    }

    public static OriginateResult Failed(HangupCause cause, int? sipStatus, string reason) => new(null, cause, sipStatus, reason);

    public override string ToString() => IsAnswered ? $"answered: {Call!.Id}" : $"failed: {Cause} ({SipStatus?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "no SIP status"}) {Reason}";
}
