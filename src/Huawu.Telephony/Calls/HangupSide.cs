namespace Huawu.Telephony.Calls;

/// <summary>Which side ended a call: reports count "customer hung up" and "agent hung up" separately.</summary>
public enum HangupSide
{
    /// <summary>The far end (BYE or CANCEL received, or a failure response to our INVITE).</summary>
    Remote,

    /// <summary>Huawu ended it (an API call, a script, a timeout, shutdown).</summary>
    Local,
}
