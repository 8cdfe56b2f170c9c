namespace Huawu.Sip.Messages;

/// <summary>The methods of RFC 3261 and its common extensions; any other method token is <see cref="Unknown"/>.</summary>
public enum KnownMethod : byte
{
    Unknown = 0,
    Invite,
    Ack,
    Bye,
    Cancel,
    Options,
    Register,
    Prack,
    Subscribe,
    Notify,
    Publish,
    Info,
    Refer,
    Message,
    Update,
}
