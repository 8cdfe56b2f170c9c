using System.Collections.Concurrent;

namespace Huawu.Sip.Dialogs;

/// <summary>The early and confirmed dialogs of the node, by dialog ID.</summary>
internal sealed class DialogTable
{
    private readonly ConcurrentDictionary<DialogKey, SipDialog> dialogs = new();

    public int Count => dialogs.Count;

    public bool TryAdd(SipDialog dialog) => dialogs.TryAdd(dialog.Key, dialog);

    public bool TryGet(in DialogKey key, out SipDialog dialog) => dialogs.TryGetValue(key, out dialog!);

    public void Remove(SipDialog dialog) => dialogs.TryRemove(new KeyValuePair<DialogKey, SipDialog>(dialog.Key, dialog));

    public IReadOnlyCollection<SipDialog> Snapshot() => [.. dialogs.Values];
}
