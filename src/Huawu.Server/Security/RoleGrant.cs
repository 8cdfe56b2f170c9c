using Huawu.Data.Protection;

namespace Huawu.Server.Security;

/// <summary>What one role may do, which calls it reaches, and which kinds of personal data it sees unmasked.</summary>
public sealed record RoleGrant(IReadOnlySet<Permission> Permissions, Reach Reach, IReadOnlySet<DataClass> Unmasked);
