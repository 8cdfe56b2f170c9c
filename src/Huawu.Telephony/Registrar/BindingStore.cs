using System.Net;
using Huawu.Sip.Transport;
using Huawu.Sip.Uris;

namespace Huawu.Telephony.Registrar;

/// <summary>
/// The location service (RFC 3261 §10): every extension's current bindings. Bindings expire by the clock, lazily
/// when an extension is looked at and in <see cref="Sweep"/>. Not thread-safe; <see cref="SipRegistrar"/> guards it.
/// Every change is reported into the caller's event list, in the order it happened.
/// </summary>
internal sealed class BindingStore
{
    private readonly Dictionary<string, List<ContactBinding>> _byExtension = new(StringComparer.Ordinal);

    /// <summary>The live bindings of <paramref name="extension"/>, best first: higher q, then more recently registered.</summary>
    public List<ContactBinding> Current(string extension, DateTimeOffset now, List<RegistrationEvent> events)
    {
        if (!_byExtension.TryGetValue(extension, out var bindings)) return [];
        RemoveExpired(bindings, now, events);
        if (bindings.Count == 0) _byExtension.Remove(extension);
        return [.. bindings.OrderByDescending(b => b.QThousandths).ThenByDescending(b => b.UpdatedAt)];
    }

    /// <summary>
    /// Applies one REGISTER atomically (RFC 3261 §10.3 step 7: "committed if and only if all binding updates and
    /// additions succeed"). Beyond <paramref name="maxContacts"/>, bindings this request did not touch are displaced,
    /// least recently registered first.
    /// </summary>
    public BindingUpdateStatus Apply(
        string extension, BindingRequest request, RegisterOrigin origin, DateTimeOffset now, int maxContacts, List<RegistrationEvent> events)
    {
        var drafts = Current(extension, now, events).Select(b => new Draft(b, b.UriBytes)).ToList();
        if (request.RemoveAll)
        {
            foreach (var draft in drafts)
            {
                if (IsOutOfOrder(draft, origin)) return BindingUpdateStatus.OutOfOrder;
                draft.Next = null;
            }
        }
        foreach (var contact in request.Contacts)
        {
            var uri = contact.Uri;
            var draft = drafts.Find(d => SipUriEquivalence.AreEquivalent(d.Uri, uri));
            if (draft is null)
            {
                // Removing a contact that is not bound changes nothing.
                if (contact.GrantedSeconds == 0) continue;
                drafts.Add(draft = new Draft(null, contact.UriBytes));
            }
            else if (IsOutOfOrder(draft, origin))
            {
                return BindingUpdateStatus.OutOfOrder;
            }
            draft.Touched = true;
            draft.Next = contact.GrantedSeconds == 0 ? null : Bind(extension, draft.Original, contact, origin, now);
        }
        if (!TryDisplaceOldest(drafts, maxContacts)) return BindingUpdateStatus.TooManyContacts;
        Commit(extension, drafts, now, events);
        return BindingUpdateStatus.Committed;
    }

    /// <summary>Removes and reports every binding that has run out.</summary>
    public void Sweep(DateTimeOffset now, List<RegistrationEvent> events)
    {
        foreach (var (extension, bindings) in _byExtension)
        {
            RemoveExpired(bindings, now, events);
            if (bindings.Count == 0) _byExtension.Remove(extension);
        }
    }

    /// <summary>Whether a live binding was registered from <paramref name="address"/> (NAT and all).</summary>
    public bool HasBindingFrom(Func<SipEndPoint, bool> sourceMatches, DateTimeOffset now) =>
        _byExtension.Values.Any(bindings => bindings.Any(b => !b.IsExpired(now) && sourceMatches(b.Source)));

    /// <summary>
    /// §10.3 step 7: a binding written by the same Call-ID is updated only by a higher CSeq, so that an old REGISTER
    /// arriving late cannot undo a newer one. A contact this request already touched is past that check.
    /// </summary>
    private static bool IsOutOfOrder(Draft draft, RegisterOrigin origin) =>
        draft is { Touched: false, Original: { } original }
        && string.Equals(original.CallId, origin.CallId, StringComparison.Ordinal)
        && origin.CSeq <= original.CSeq;

    private static ContactBinding Bind(string extension, ContactBinding? original, RequestedContact contact, RegisterOrigin origin, DateTimeOffset now)
    {
        var expiresAt = now.AddSeconds(contact.GrantedSeconds);
        return original is null
            ? new ContactBinding(extension, contact.UriBytes, origin.Source, origin.UserAgent, contact.QThousandths, origin.CallId, origin.CSeq, now, now, expiresAt)
            : original.Renewed(origin.Source, origin.UserAgent, contact.QThousandths, origin.CallId, origin.CSeq, now, expiresAt);
    }

    /// <summary>
    /// Keeps at most <paramref name="maxContacts"/> by displacing untouched bindings, least recently registered first:
    /// a phone that reboots comes back with a new Call-ID and often a new port, and refusing it until its stale
    /// binding expired would leave it unreachable for up to an hour. Fails only when this request alone asks for more.
    /// </summary>
    private static bool TryDisplaceOldest(List<Draft> drafts, int maxContacts)
    {
        var live = drafts.Count(d => d.Next is not null);
        foreach (var draft in drafts.Where(d => d is { Touched: false, Next: not null }).OrderBy(d => d.Next!.UpdatedAt))
        {
            if (live <= maxContacts) break;
            draft.Next = null;
            draft.Displaced = true;
            live--;
        }
        return live <= maxContacts;
    }

    private void Commit(string extension, List<Draft> drafts, DateTimeOffset now, List<RegistrationEvent> events)
    {
        var kept = new List<ContactBinding>(drafts.Count);
        foreach (var draft in drafts)
        {
            if (draft.Next is { } next) kept.Add(next);
            var kind = (draft.Original, draft.Next) switch
            {
                (null, not null) => RegistrationEventKind.Registered,
                (not null, null) => draft.Displaced ? RegistrationEventKind.Displaced : RegistrationEventKind.Unregistered,
                (not null, not null) when draft.Touched => RegistrationEventKind.Refreshed,
                _ => (RegistrationEventKind?)null,
            };
            if (kind is { } happened) events.Add(new RegistrationEvent(happened, draft.Next ?? draft.Original!, now));
        }
        if (kept.Count == 0) _byExtension.Remove(extension);
        else _byExtension[extension] = kept;
    }

    private static void RemoveExpired(List<ContactBinding> bindings, DateTimeOffset now, List<RegistrationEvent> events)
    {
        for (var i = bindings.Count - 1; i >= 0; i--)
        {
            if (!bindings[i].IsExpired(now)) continue;
            events.Add(new RegistrationEvent(RegistrationEventKind.Expired, bindings[i], bindings[i].ExpiresAt));
            bindings.RemoveAt(i);
        }
    }

    /// <summary>A binding as this request would leave it: <see cref="Next"/> null means removed.</summary>
    private sealed class Draft(ContactBinding? original, ReadOnlyMemory<byte> uriBytes)
    {
        public ContactBinding? Original { get; } = original;

        public ContactBinding? Next { get; set; } = original;

        public bool Touched { get; set; }

        public bool Displaced { get; set; }

        public SipUri Uri => StoredUri.Parse(uriBytes);
    }
}
