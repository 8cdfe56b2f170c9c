using System.Globalization;
using System.Security.Claims;
using Huawu.Data.Accounts;

namespace Huawu.Server.Security;

/// <summary>The signed-in user behind a request, and the credential they used; carried as claims on <see cref="HttpContext.User"/>.</summary>
internal sealed record Caller(
    long UserId,
    string Username,
    IReadOnlyList<Role> Roles,
    CredentialKind Credential,
    long CredentialId,
    DateTimeOffset? ExpiresAt,
    string? CsrfToken)
{
    private const string CredentialClaim = "huawu:credential";
    private const string CredentialIdClaim = "huawu:credential_id";
    private const string ExpiresClaim = "huawu:expires";
    private const string CsrfClaim = "huawu:csrf";

    /// <summary>How audit entries name this caller (<c>user:alice</c>).</summary>
    public string AuditActor => "user:" + Username;

    public bool Can(Permission permission) => PermissionMatrix.Allows(Roles, permission);

    public ClaimsPrincipal ToPrincipal(string scheme)
    {
        var claims = new List<Claim>
        {
            new(ClaimTypes.NameIdentifier, UserId.ToString(CultureInfo.InvariantCulture)),
            new(ClaimTypes.Name, Username),
            new(CredentialClaim, Credential.ToString()),
            new(CredentialIdClaim, CredentialId.ToString(CultureInfo.InvariantCulture)),
        };
        claims.AddRange(Roles.Select(role => new Claim(ClaimTypes.Role, Huawu.Data.Accounts.Roles.NameOf(role))));
        if (ExpiresAt is { } expires) claims.Add(new Claim(ExpiresClaim, expires.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture)));
        if (CsrfToken is not null) claims.Add(new Claim(CsrfClaim, CsrfToken));
        return new ClaimsPrincipal(new ClaimsIdentity(claims, scheme, ClaimTypes.Name, ClaimTypes.Role));
    }

    /// <summary>The caller a principal was made from, or null for an anonymous (or foreign) principal.</summary>
    public static Caller? From(ClaimsPrincipal principal)
    {
        ArgumentNullException.ThrowIfNull(principal);
        if (principal.Identity?.IsAuthenticated != true
            || !long.TryParse(principal.FindFirstValue(ClaimTypes.NameIdentifier), NumberStyles.None, CultureInfo.InvariantCulture, out var userId)
            || !Enum.TryParse<CredentialKind>(principal.FindFirstValue(CredentialClaim), out var credential)
            || !long.TryParse(principal.FindFirstValue(CredentialIdClaim), NumberStyles.None, CultureInfo.InvariantCulture, out var credentialId))
        {
            return null;
        }
        var roles = principal.FindAll(ClaimTypes.Role).Select(c => Huawu.Data.Accounts.Roles.TryParse(c.Value, out var role) ? role : (Role?)null)
            .OfType<Role>().ToList();
        DateTimeOffset? expires = long.TryParse(principal.FindFirstValue(ExpiresClaim), NumberStyles.None, CultureInfo.InvariantCulture, out var ms)
            ? DateTimeOffset.FromUnixTimeMilliseconds(ms)
            : null;
        return new Caller(userId, principal.Identity.Name ?? "", roles, credential, credentialId, expires, principal.FindFirstValue(CsrfClaim));
    }
}
