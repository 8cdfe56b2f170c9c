using Huawu.Telephony.Calls;

namespace Huawu.Telephony.Transfers;

/// <summary>Where a transfer takes a party, as routing found it; <see cref="Name"/> is what was asked for.</summary>
internal abstract record TransferDestination(string Name)
{
    /// <summary>A built-in extension (echo, tone, playback): its handler takes the party over.</summary>
    public sealed record Diagnostic(string Name, Func<ICall, Task> Handler) : TransferDestination(Name);

    /// <summary>A call to place (an extension's phones, a number through a trunk, a SIP URI) and bridge the party to.</summary>
    public sealed record Dial(string Name, OriginateRequest Request) : TransferDestination(Name);

    /// <summary>Nothing this node can reach.</summary>
    public sealed record Unroutable(string Name, HangupCause Cause, string Reason) : TransferDestination(Name);
}
