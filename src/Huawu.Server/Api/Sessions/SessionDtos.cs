namespace Huawu.Server.Api.Sessions;

public sealed record SignInRequest(string? Username, string? Password, string? TotpCode);

/// <summary>Who is signed in, what they may do, and how (<c>session</c> or <c>api_token</c>).</summary>
public sealed record MeResponse(
    long Id,
    string Username,
    string DisplayName,
    IReadOnlyList<string> Roles,
    IReadOnlyList<string> Permissions,
    bool TotpEnabled,
    string Credential);

/// <summary>
/// The signed-in session. <see cref="CsrfToken"/> (sessions only) goes into the <c>X-CSRF-Token</c> header of every
/// request that changes something.
/// </summary>
public sealed record SessionResponse(MeResponse User, string? CsrfToken, DateTimeOffset? ExpiresAt);

public sealed record PasswordChangeRequest(string? CurrentPassword, string? NewPassword);

public sealed record TotpCodeRequest(string? Code);

/// <summary>The new secret for an authenticator app: type <see cref="Secret"/> in, or show <see cref="OtpauthUri"/> as a QR code.</summary>
public sealed record TotpEnrolmentResponse(string Secret, string OtpauthUri);
