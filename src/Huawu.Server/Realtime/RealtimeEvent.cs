using Huawu.Server.Security;

namespace Huawu.Server.Realtime;

/// <summary>
/// Something to push to live subscribers (CTI call events now; wallboard figures later). Who may receive it is its
/// <see cref="Audience"/>; what they receive is built per subscriber by <see cref="Data"/>, so personal data in it
/// is masked by the subscriber's roles.
/// </summary>
internal sealed record RealtimeEvent(string Type, DateTimeOffset At, string? CallId, EventAudience Audience, Func<PersonalDataView, object?> Data);

/// <summary>
/// The call an event is about, as scoping sees it: its agent and its teams (none of either: only those who see every call). Events not
/// about a call (campaign progress) name the permission their viewers need instead.
/// </summary>
internal sealed record EventAudience(long? AgentUserId, IReadOnlyList<long> TeamIds, Permission? Requires = null)
{
    public static EventAudience Unassigned { get; } = new(null, []);

    public static EventAudience WithPermission(Permission permission) => new(null, [], permission);

    public bool Includes(CallerScope viewer)
    {
        ArgumentNullException.ThrowIfNull(viewer);
        return Requires is { } permission ? viewer.Caller.Can(permission) : viewer.SeesCall(AgentUserId, TeamIds);
    }
}
