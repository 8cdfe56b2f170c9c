namespace Huawu.Telephony.Calls;

/// <summary>
/// A conference room on this node (<see cref="ICallControl.CreateConference"/>): every member hears all the others
/// but not itself; a muted member only listens (a supervisor's live listen). It ends when its last member leaves, or
/// on <see cref="EndAsync"/>. Members may be called from any thread; failures are results.
/// </summary>
public interface IConference
{
    string Name { get; }

    /// <summary>The calls in the conference now.</summary>
    IReadOnlyCollection<ICall> Members { get; }

    /// <summary>Completes when the conference has ended.</summary>
    Task Ended { get; }

    /// <summary>
    /// Adds an answered call (leaving its bridge, whose other call stays up); <paramref name="muted"/> makes it listen
    /// only, and gets <see cref="Cti.ConferenceMembershipChanged"/> (so does a call leaving). False when the call has no media, is in
    /// another conference, or the conference has ended; true when it is already a member (its mute then set).
    /// </summary>
    Task<bool> AddAsync(ICall call, bool muted = false);

    /// <summary>Takes a call out of the conference; it stays up, hearing nothing. False when it is not a member.</summary>
    Task<bool> RemoveAsync(ICall call);

    /// <summary>Mutes (listen only) or unmutes a member. False when it is not a member.</summary>
    Task<bool> SetMutedAsync(ICall call, bool muted);

    /// <summary>Ends the conference and hangs up every call still in it.</summary>
    Task EndAsync();
}
