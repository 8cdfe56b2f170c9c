namespace Huawu.Telephony.Trunks;

/// <summary>Something changed about a trunk, for operators' dashboards and for the call layer's routing.</summary>
public abstract record TrunkEvent(string Trunk, DateTimeOffset At);

public enum TrunkRegistrationState
{
    /// <summary>Not registered: before the first attempt, and after de-registering.</summary>
    Unregistered,

    Registered,

    /// <summary>The last attempt failed (see the status); another follows after a back-off.</summary>
    Failed,
}

/// <summary>
/// The registration with the carrier changed. <see cref="StatusCode"/> is the last final status (null when none came:
/// a timeout or transport error). <see cref="Until"/> is when a granted registration runs out; <see cref="NextAttempt"/>
/// is when the client tries (or refreshes) next.
/// </summary>
public sealed record TrunkRegistrationChanged(
    string Trunk,
    DateTimeOffset At,
    TrunkRegistrationState State,
    int? StatusCode,
    string Reason,
    DateTimeOffset? Until,
    DateTimeOffset? NextAttempt) : TrunkEvent(Trunk, At);

public enum TrunkHealth
{
    /// <summary>No keepalive has answered or failed yet (or keepalives are off): calls may use the trunk.</summary>
    Unknown,

    /// <summary>The trunk answered an OPTIONS, whatever the status.</summary>
    Up,

    /// <summary>Several OPTIONS in a row got no response: outbound calls should avoid the trunk.</summary>
    Down,
}

/// <summary>The keepalive view of a trunk changed; <see cref="StatusCode"/> is the status that proved it Up.</summary>
public sealed record TrunkHealthChanged(string Trunk, DateTimeOffset At, TrunkHealth Health, int? StatusCode, string Reason)
    : TrunkEvent(Trunk, At);
