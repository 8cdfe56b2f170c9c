namespace Huawu.Telephony.Calls;

public enum CallDirection
{
    /// <summary>The far end called us (a phone, a trunk).</summary>
    Inbound,

    /// <summary>We called the far end (through a trunk or to a registered phone).</summary>
    Outbound,
}
