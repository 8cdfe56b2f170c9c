namespace Huawu.Data.Calls;

/// <summary>Which side ended a call or leg: reports count "the customer hung up" apart from "we ended it". Stored lowercase.</summary>
public enum CallSide
{
    /// <summary>The far party (a BYE or CANCEL received, a failure response to our INVITE).</summary>
    Remote,

    /// <summary>Huawu (an API call, a script, a timeout, shutdown).</summary>
    Local,
}
