namespace Huawu.Data.Calls;

public enum CallDirection
{
    Inbound,
    Outbound,
    /// <summary>Between extensions: no customer.</summary>
    Internal,
}
