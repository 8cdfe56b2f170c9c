using Huawu.Telephony.Cti;

namespace Huawu.Telephony.Calls;

/// <summary>
/// What the layers above telephony (robot, IVR, ACD, dialer) use to place, take and watch calls. Every member may
/// be called from any thread; each call serializes its own work.
/// </summary>
public interface ICallControl
{
    /// <summary>Every call's events, in the order each call's changes happen.</summary>
    CtiEventHub Events { get; }

    /// <summary>The calls that have not ended yet.</summary>
    IReadOnlyCollection<ICall> Calls { get; }

    ICall? FindCall(CallId id);

    /// <summary>
    /// Places a call and completes once it is answered or has failed (busy, rejected, unreachable, no answer within
    /// <see cref="OriginateRequest.RingTimeout"/>, or cancelled by <paramref name="cancellationToken"/>). A failure
    /// is a result with its SIP status and cause, never an exception.
    /// </summary>
    Task<OriginateResult> OriginateAsync(OriginateRequest request, CancellationToken cancellationToken = default);

    /// <summary>
    /// Moves <paramref name="party"/> to <paramref name="destination"/> (an extension, a diagnostic name, a number dialled
    /// through the party's trunk, or a SIP URI): the party hears ringback while the destination is called and is bridged
    /// to it once it answers; the call the party was bridged to (the transferor) then gets <see cref="Cti.CallTransferred"/>
    /// and is hung up (<see cref="HangupCause.Transferred"/>). On failure the party goes back to that call.
    /// </summary>
    Task<TransferResult> TransferAsync(ICall party, string destination, CancellationToken cancellationToken = default);

    /// <summary>
    /// The conference named <paramref name="name"/>: a new one, or the running one of that name. It ends when its last
    /// member leaves, or on <see cref="IConference.EndAsync"/>.
    /// </summary>
    IConference CreateConference(string name);

    /// <summary>
    /// Who takes new inbound calls: the handler owns the call while its task runs and the call is hung up when it
    /// returns (480 if it was never answered). Replaces the default dialplan (the diagnostic extensions).
    /// </summary>
    void SetInboundHandler(Func<ICall, Task> handler);
}
