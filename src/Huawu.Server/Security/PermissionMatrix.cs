using Huawu.Data.Accounts;
using Huawu.Data.Protection;
using static Huawu.Server.Security.Permission;

namespace Huawu.Server.Security;

/// <summary>
/// The permission matrix: the one table endpoints are checked against and docs/permissions.md is generated from.
/// A user with several roles gets the union of their grants (the widest reach, every unmasked class).
/// </summary>
public static class PermissionMatrix
{
    private static readonly DataClass[] FreeText = [DataClass.PersonName, DataClass.Note, DataClass.Variable];

    public static IReadOnlyDictionary<Role, RoleGrant> Grants { get; } = new Dictionary<Role, RoleGrant>
    {
        [Role.Admin] = Grant(Permissions.All, Reach.Everything, Enum.GetValues<DataClass>()),
        // Supervisors run their teams' calls live: names and what was said, but not whole numbers or ID numbers.
        [Role.Supervisor] = Grant(
            [SessionSelf, TokensSelf, TeamsRead, CampaignsRead, CampaignsControl, ComplianceRead, DoNotCallRead, DoNotCallAdd, ConsentsRead,
             ConsentsWrite, CallsRead, CallsExport, RecordingsRead, RecordingsPlay, TranscriptsRead, SettingsRead, EventsSubscribe],
            Reach.SupervisedTeams, [.. FreeText, DataClass.Transcript]),
        [Role.CampaignManager] = Grant(
            [SessionSelf, TokensSelf, ContactsRead, CampaignsRead, CampaignsWrite, CampaignsControl, ComplianceRead,
             DoNotCallRead, DoNotCallAdd, ConsentsRead, ConsentsWrite, CallsRead, CallsExport, EventsSubscribe],
            Reach.Everything, FreeText),
        // Agents see their own calls; the system dials, so they never need a customer's whole number.
        [Role.Agent] = Grant(
            [SessionSelf, DoNotCallAdd, ConsentsWrite, CallsRead, TranscriptsRead, EventsSubscribe],
            Reach.OwnCalls, [.. FreeText, DataClass.Transcript]),
        [Role.QualityAuditor] = Grant(
            [SessionSelf, TokensSelf, ConsentsRead, CallsRead, RecordingsRead, RecordingsPlay, TranscriptsRead, AuditRead, AuditVerify],
            Reach.Everything, [DataClass.Transcript]),
        // Read-only auditors check that the rules were kept: everything readable, nothing changeable, all personal data masked.
        [Role.ReadonlyAuditor] = Grant(
            [SessionSelf, TokensSelf, UsersRead, TeamsRead, ContactsRead, CampaignsRead, ComplianceRead, DoNotCallRead, ConsentsRead, CallsRead,
             CallsExport, RecordingsRead, TranscriptsRead, AuditRead, AuditVerify, RetentionRead, SettingsRead],
            Reach.Everything, []),
    };

    public static bool Allows(IEnumerable<Role> roles, Permission permission) =>
        roles.Any(role => Grants[role].Permissions.Contains(permission));

    public static IReadOnlySet<Permission> PermissionsOf(IEnumerable<Role> roles) =>
        roles.SelectMany(role => Grants[role].Permissions).ToHashSet();

    /// <summary>Every reach the roles give (an agent who also supervises reaches both their own calls and their teams').</summary>
    public static IReadOnlySet<Reach> ReachesOf(IEnumerable<Role> roles) => roles.Select(role => Grants[role].Reach).ToHashSet();

    public static IReadOnlySet<DataClass> UnmaskedFor(IEnumerable<Role> roles) =>
        roles.SelectMany(role => Grants[role].Unmasked).ToHashSet();

    private static RoleGrant Grant(IEnumerable<Permission> permissions, Reach reach, IEnumerable<DataClass> unmasked) =>
        new(permissions.ToHashSet(), reach, unmasked.ToHashSet());
}
