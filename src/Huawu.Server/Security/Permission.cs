namespace Huawu.Server.Security;

/// <summary>
/// What an endpoint needs. Every API endpoint names exactly one (or is explicitly public); roles grant them
/// (<see cref="PermissionMatrix"/>), and docs/permissions.md is generated from the same table.
/// </summary>
public enum Permission
{
    /// <summary>One's own session: who am I, log out, change password, second factor.</summary>
    SessionSelf,
    /// <summary>One's own API tokens.</summary>
    TokensSelf,
    UsersRead,
    UsersWrite,
    TeamsRead,
    TeamsWrite,
    ContactsRead,
    CampaignsRead,
    /// <summary>Creating campaigns and changing their rules.</summary>
    CampaignsWrite,
    /// <summary>Starting, pausing, resuming and stopping campaigns.</summary>
    CampaignsControl,
    /// <summary>Reading the compliance rules in force (presets with the tenant's changes) and the gate's decisions.</summary>
    ComplianceRead,
    DoNotCallRead,
    /// <summary>Adding a number protects its owner, so more roles may do it than may take one off.</summary>
    DoNotCallAdd,
    DoNotCallRemove,
    ConsentsRead,
    ConsentsWrite,
    CallsRead,
    CallsExport,
    RecordingsRead,
    RecordingsPlay,
    TranscriptsRead,
    AuditRead,
    AuditVerify,
    RetentionRead,
    RetentionWrite,
    SettingsRead,
    SettingsWrite,
    EventsSubscribe,
}

/// <summary>The permissions' written names (<c>users.read</c>), used in policies, documents and problem answers.</summary>
public static class Permissions
{
    public static IReadOnlyList<Permission> All { get; } = Enum.GetValues<Permission>();

    public static string NameOf(Permission permission) => permission switch
    {
        Permission.SessionSelf => "session.self",
        Permission.TokensSelf => "tokens.self",
        Permission.UsersRead => "users.read",
        Permission.UsersWrite => "users.write",
        Permission.TeamsRead => "teams.read",
        Permission.TeamsWrite => "teams.write",
        Permission.ContactsRead => "contacts.read",
        Permission.CampaignsRead => "campaigns.read",
        Permission.CampaignsWrite => "campaigns.write",
        Permission.CampaignsControl => "campaigns.control",
        Permission.ComplianceRead => "compliance.read",
        Permission.DoNotCallRead => "do_not_call.read",
        Permission.DoNotCallAdd => "do_not_call.add",
        Permission.DoNotCallRemove => "do_not_call.remove",
        Permission.ConsentsRead => "consents.read",
        Permission.ConsentsWrite => "consents.write",
        Permission.CallsRead => "calls.read",
        Permission.CallsExport => "calls.export",
        Permission.RecordingsRead => "recordings.read",
        Permission.RecordingsPlay => "recordings.play",
        Permission.TranscriptsRead => "transcripts.read",
        Permission.AuditRead => "audit.read",
        Permission.AuditVerify => "audit.verify",
        Permission.RetentionRead => "retention.read",
        Permission.RetentionWrite => "retention.write",
        Permission.SettingsRead => "settings.read",
        Permission.SettingsWrite => "settings.write",
        Permission.EventsSubscribe => "events.subscribe",
        _ => throw new ArgumentOutOfRangeException(nameof(permission), permission, null),
    };

    /// <summary>The authorization policy that demands one permission.</summary>
    public static string PolicyName(Permission permission) => "permission:" + NameOf(permission);
}
