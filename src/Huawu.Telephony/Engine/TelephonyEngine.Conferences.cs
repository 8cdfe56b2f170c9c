using System.Collections.Concurrent;
using Huawu.Telephony.Calls;
using Huawu.Telephony.Conferences;

namespace Huawu.Telephony.Engine;

// Conference rooms on this node's media clock, by name.
public sealed partial class TelephonyEngine
{
    private readonly ConcurrentDictionary<string, Conference> _conferences = new(StringComparer.Ordinal);

    /// <summary>The conferences that have not ended.</summary>
    public IReadOnlyCollection<IConference> Conferences => [.. _conferences.Values];

    public IConference CreateConference(string name)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        lock (_legs.AttachmentGate)
        {
            return _conferences.GetOrAdd(name, static (key, engine) => new Conference(key, engine._legs, engine.OnConferenceEnded), this);
        }
    }

    private void OnConferenceEnded(Conference conference) => _conferences.TryRemove(new(conference.Name, conference));
}
