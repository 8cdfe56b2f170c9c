using Huawu.Sip.Messages;
using Huawu.Sip.Transactions;

namespace Huawu.Sip.Dialogs;

/// <summary>
/// A dialog (RFC 3261 §12): the peer-to-peer relationship an INVITE creates, identified by Call-ID and the two tags,
/// with the sequence numbers, route set and remote target that every request inside it is built from. Thread-safe:
/// its state changes under a short lock; handler callbacks run outside it.
/// </summary>
public sealed partial class SipDialog : IDeadlineOwner
{
    private readonly IDialogHost host;
    private readonly Lock sync = new();
    private string remoteTarget;
    private IReadOnlyList<string> routeSet;
    private uint localSequence;
    private uint? remoteSequence;
    private SipDialogState state;

    private SipDialog(IDialogHost host, ISipDialogHandler handler, DialogIdentity identity, string remoteTarget, IReadOnlyList<string> routeSet, SipDialogState state)
    {
        this.host = host;
        Handler = handler;
        CallId = identity.CallId;
        LocalTag = identity.LocalTag;
        RemoteTag = identity.RemoteTag;
        LocalAddress = identity.LocalAddress;
        RemoteAddress = identity.RemoteAddress;
        IsCaller = identity.IsCaller;
        IsSecure = identity.IsSecure;
        localSequence = identity.LocalSequence;
        remoteSequence = identity.RemoteSequence;
        this.remoteTarget = remoteTarget;
        this.routeSet = routeSet;
        this.state = state;
        Key = DialogKey.Of(CallId, LocalTag, RemoteTag);
    }

    public string CallId { get; }

    public string LocalTag { get; }

    public string RemoteTag { get; }

    /// <summary>This side's address as the dialog's requests carry it in From (tag aside).</summary>
    public string LocalAddress { get; }

    /// <summary>The peer's address as the dialog's requests carry it in To (tag aside).</summary>
    public string RemoteAddress { get; }

    /// <summary>Whether this side sent the INVITE that created the dialog (it owns the Call-ID, RFC 3261 §14.1).</summary>
    public bool IsCaller { get; }

    /// <summary>RFC 3261 §12.1.1: the request came over TLS with a SIPS Request-URI.</summary>
    public bool IsSecure { get; }

    public ISipDialogHandler Handler { get; }

    /// <summary>The URI requests in the dialog are sent to: the peer's latest Contact (RFC 3261 §12.2).</summary>
    public string RemoteTarget
    {
        get { lock (sync) return remoteTarget; }
    }

    /// <summary>The Route values requests in the dialog carry, in order.</summary>
    public IReadOnlyList<string> RouteSet
    {
        get { lock (sync) return routeSet; }
    }

    public SipDialogState State
    {
        get { lock (sync) return state; }
    }

    /// <summary>Why the dialog ended; null while it lasts.</summary>
    public SipDialogEnd? EndReason { get; private set; }

    /// <summary>The CSeq of the last request this side sent in the dialog.</summary>
    public uint LocalSequence
    {
        get { lock (sync) return localSequence; }
    }

    /// <summary>The CSeq of the last request the peer sent in the dialog; null before the first.</summary>
    public uint? RemoteSequence
    {
        get { lock (sync) return remoteSequence; }
    }

    internal DialogKey Key { get; }

    /// <summary>Where requests go when the route set starts with a strict router (§8.1.2); null otherwise.</summary>
    internal string? StrictNextHop
    {
        get { lock (sync) return DialogRoutes.StrictRouter(routeSet); }
    }

    public override string ToString() => $"{CallId};local={LocalTag};remote={RemoteTag} ({State})";

    /// <summary>Ends the dialog once: out of the table, timers stopped, the handler told.</summary>
    internal bool End(SipDialogEnd reason)
    {
        lock (sync)
        {
            if (state == SipDialogState.Terminated) return false;
            state = SipDialogState.Terminated;
            EndReason = reason;
            pendingSuccess = null;
            retransmitTimer?.Dispose();
            ackTimer?.Dispose();
        }
        host.Dialogs.Remove(this);
        Handler.OnTerminated(this);
        return true;
    }

    /// <summary>An early dialog becomes confirmed by its 2xx, whose Record-Route and Contact now rule (§12.1.2, §13.2.2.4).</summary>
    internal void Confirm(SipMessage response)
    {
        lock (sync)
        {
            if (state != SipDialogState.Early) return;
            state = SipDialogState.Confirmed;
            routeSet = DialogRoutes.FromResponse(response);
            if (ContactOf(response) is { } target) remoteTarget = target;
        }
    }

    private static string? ContactOf(SipMessage message) =>
        message.Contacts.TryGetFirst(out var contact) && !contact.IsWildcard ? contact.Uri.ToString() : null;
}
