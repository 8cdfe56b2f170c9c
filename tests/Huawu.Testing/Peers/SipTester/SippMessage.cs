namespace Huawu.Testing.Peers.SipTester;

public enum SippDirection
{
    Sent,
    Received,
}

/// <summary>One SIP message SIPp sent or received, as its message trace recorded it.</summary>
public sealed record SippMessage(DateTime Timestamp, SippDirection Direction, string Text) : SipMessageText(Text)
{
    public override string ToString() => $"{Timestamp:HH:mm:ss.ffffff} {Direction}: {StartLine}";
}
