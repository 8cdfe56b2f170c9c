using Huawu.Telephony.Calls;
using Huawu.Telephony.Cti;

namespace Huawu.ContactCenter.Acd;

/// <summary>
/// Which extensions are on a call, and since when each has been idle, read from the CTI stream: a leg to an extension (outbound,
/// no trunk) or from a phone (inbound, no trunk) keeps the extension busy until it ends — ringing included, so a phone is never
/// offered two calls at once. Idle time runs from the end of the extension's last answered call (an unanswered offer does not
/// reset it), or from when the node started watching. With <paramref name="isLive"/> (the node's calls), a leg whose end was
/// lost (a subscriber that fell behind drops events) stops counting once the node no longer has it, so no member stays busy
/// for ever.
/// </summary>
internal sealed class AgentActivity(DateTimeOffset watchingSince, Func<CallId, bool>? isLive = null)
{
    private readonly object _gate = new();
    private readonly Dictionary<CallId, string> _legs = [];
    private readonly Dictionary<string, int> _open = new(StringComparer.Ordinal);
    private readonly Dictionary<string, DateTimeOffset> _lastTalkEnded = new(StringComparer.Ordinal);

    public void Observe(CtiEvent happened)
    {
        lock (_gate)
        {
            switch (happened)
            {
                case CallCreated { Trunk: null } created when ExtensionOf(created) is { Length: > 0 } extension:
                    _legs[created.CallId] = extension;
                    _open[extension] = _open.GetValueOrDefault(extension) + 1;
                    break;
                case CallHungUp ended when Forget(ended.CallId) is { } extension:
                    if (ended.TalkDuration > TimeSpan.Zero) _lastTalkEnded[extension] = ended.At;
                    break;
            }
        }
    }

    public bool IsOnCall(string extension)
    {
        lock (_gate)
        {
            if (!_open.ContainsKey(extension) || isLive is null) return _open.ContainsKey(extension);
            foreach (var (id, _) in _legs.Where(l => l.Value == extension && !isLive(l.Key)).ToList()) Forget(id);
            return _open.ContainsKey(extension);
        }
    }

    /// <summary>The leg no longer keeps its extension busy; returns the extension, or null for a leg not tracked.</summary>
    private string? Forget(CallId id)
    {
        if (!_legs.Remove(id, out var extension)) return null;
        if (_open[extension] == 1) _open.Remove(extension);
        else _open[extension]--;
        return extension;
    }

    public DateTimeOffset IdleSince(string extension)
    {
        lock (_gate) return _lastTalkEnded.GetValueOrDefault(extension, watchingSince);
    }

    // An outbound leg without a trunk is placed to an extension (To) — or to a SIP URI, whose To is not an extension any
    // member names; an inbound one without a trunk comes from a registered phone (From).
    private static string ExtensionOf(CallCreated created) => created.Direction == CallDirection.Outbound ? created.To : created.From;
}
