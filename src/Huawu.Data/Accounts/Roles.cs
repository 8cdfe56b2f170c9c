using System.Diagnostics.CodeAnalysis;

namespace Huawu.Data.Accounts;

/// <summary>The roles' stored and command-line names (<c>campaign_manager</c>), one spelling everywhere.</summary>
public static class Roles
{
    private static readonly Dictionary<Role, string> Names = new()
    {
        [Role.Admin] = "admin",
        [Role.Supervisor] = "supervisor",
        [Role.CampaignManager] = "campaign_manager",
        [Role.Agent] = "agent",
        [Role.QualityAuditor] = "quality_auditor",
        [Role.ReadonlyAuditor] = "readonly_auditor",
    };

    public static IReadOnlyList<Role> All { get; } = [.. Names.Keys];

    public static string NameOf(Role role) => Names[role];

    public static bool TryParse([NotNullWhen(true)] string? name, out Role role)
    {
        foreach (var (candidate, candidateName) in Names)
        {
            if (string.Equals(candidateName, name?.Trim(), StringComparison.OrdinalIgnoreCase))
            {
                role = candidate;
                return true;
            }
        }
        role = default;
        return false;
    }
}
