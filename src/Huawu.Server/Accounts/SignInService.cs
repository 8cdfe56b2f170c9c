using Huawu.Data;
using Huawu.Data.Accounts;
using Huawu.Data.Audit;
using Huawu.Server.Api.Auditing;

namespace Huawu.Server.Accounts;

/// <summary>
/// Console sign-in: password (Identity hash), lockout after repeated failures, the optional TOTP code, and an
/// audit entry for every attempt. Unknown users, wrong passwords, locked and disabled accounts get the same
/// answer, and each attempt costs one password hash check, so neither the answer nor its timing tells them apart.
/// </summary>
internal sealed class SignInService(DataStore store, AccountOptions options, TimeProvider time, IPasswordVerifier passwords,
    SecondFactorService secondFactor)
{
    // A hash of nothing anyone knows: unknown usernames are checked against it, costing what a real check costs.
    private readonly Lazy<string> _decoyHash = new(() => passwords.Hash(Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(16))));

    public async Task<SignInOutcome> SignInAsync(string username, string password, string? totpCode, CancellationToken cancellation)
    {
        var user = await store.Users.FindByUsernameAsync(username, cancellation);
        if (user is null)
        {
            passwords.Verify(_decoyHash.Value, password);
            // The attempted name is not recorded: people type their password into the username field.
            await AuditAsync(RequestAudit.Anonymous, null, AuditAction.LoginFailed, "unknown username");
            return new SignInOutcome(SignInStatus.InvalidCredentials);
        }
        var passwordMatches = passwords.Verify(user.PasswordHash, password);
        var now = time.GetUtcNow();
        if (user.IsDisabled) return await RefuseAsync(user, "account disabled");
        if (user.LockedUntil > now) return await RefuseAsync(user, "account locked");
        if (!passwordMatches) return await FailAsync(user, "wrong password", SignInStatus.InvalidCredentials, cancellation);

        if (await secondFactor.IsEnabledAsync(user.Id, cancellation))
        {
            if (string.IsNullOrWhiteSpace(totpCode))
            {
                await AuditAsync(Actor(user), user.Id, AuditAction.LoginFailed, "second factor required");
                return new SignInOutcome(SignInStatus.SecondFactorRequired);
            }
            if (!await secondFactor.VerifyAsync(user.Id, totpCode, cancellation))
                return await FailAsync(user, "wrong second factor", SignInStatus.InvalidSecondFactor, cancellation);
        }

        await store.Users.RecordLoginSuccessAsync(user.Id, cancellation);
        var session = await store.Sessions.StartAsync(user.Id, now + options.SessionLifetime, cancellation);
        if (session.Value is not { } issued) return await RefuseAsync(user, "deleted while signing in");
        await AuditAsync(Actor(user), user.Id, AuditAction.LoginSucceeded, $"session {issued.Session.Id}");
        return new SignInOutcome(SignInStatus.Succeeded, user, issued);
    }

    /// <summary>
    /// Re-checks a signed-in user's password (before changing it). A wrong one counts towards the lockout like a
    /// failed sign-in, so a stolen session cannot be used to guess the password at leisure.
    /// </summary>
    public async Task<bool> CheckPasswordAsync(long userId, string password, CancellationToken cancellation)
    {
        if (await store.Users.GetAsync(userId, cancellation) is not { } user) return false;
        if (passwords.Verify(user.PasswordHash, password)) return true;
        await FailAsync(user, "wrong password when changing it", SignInStatus.InvalidCredentials, cancellation);
        return false;
    }

    // Counts towards the lockout: this many failures in a row lock the account for a while (OWASP ASVS V2.2.1).
    private async Task<SignInOutcome> FailAsync(User user, string reason, SignInStatus status, CancellationToken cancellation)
    {
        var failures = user.FailedLoginCount + 1;
        DateTimeOffset? lockUntil = failures >= options.LockoutThreshold ? time.GetUtcNow() + options.LockoutDuration : null;
        await store.Users.RecordLoginFailureAsync(user.Id, lockUntil, cancellation);
        var detail = lockUntil is null ? $"{reason} ({failures} in a row)" : $"{reason} ({failures} in a row): locked for {options.LockoutMinutes} min";
        await AuditAsync(Actor(user), user.Id, AuditAction.LoginFailed, detail);
        return new SignInOutcome(status);
    }

    private async Task<SignInOutcome> RefuseAsync(User user, string reason)
    {
        await AuditAsync(Actor(user), user.Id, AuditAction.LoginFailed, reason);
        return new SignInOutcome(SignInStatus.InvalidCredentials);
    }

    private static string Actor(User user) => "user:" + user.Username;

    // Not the request's token: an attempt is recorded even when the client hangs up on the answer.
    private async Task AuditAsync(string actor, long? userId, AuditAction action, string detail) =>
        await store.Audit.AppendAsync(new AuditEvent(actor, action, action == AuditAction.LoginSucceeded ? AuditOutcome.Success : AuditOutcome.Failure,
            "user", userId?.ToString(System.Globalization.CultureInfo.InvariantCulture), detail), CancellationToken.None);
}
