using System.Security.Cryptography;
using Huawu.Data;

namespace Huawu.Server.Accounts;

/// <summary>
/// The optional TOTP second factor: enrol (a new secret, pending until a code from it is typed back), verify a
/// code once (RFC 6238 §5.2: never twice), and turn it off.
/// </summary>
internal sealed class SecondFactorService(DataStore store, TimeProvider time)
{
    public const string Issuer = "Huawu";

    // RFC 4226 §4 R6: at least 128 bits of shared secret, 160 recommended (the HMAC-SHA-1 block it feeds).
    private const int SecretBytes = 20;

    /// <summary>Starts enrolment: the secret (base32, for typing in) and the otpauth URI (for a QR code).</summary>
    public async Task<TotpEnrolment?> EnrolAsync(long userId, string username, CancellationToken cancellation)
    {
        var secret = RandomNumberGenerator.GetBytes(SecretBytes);
        if (!await store.SecondFactors.SetPendingAsync(userId, secret, cancellation)) return null;
        var encoded = Base32.Encode(secret);
        var label = Uri.EscapeDataString(Issuer + ":" + username);
        return new TotpEnrolment(encoded,
            $"otpauth://totp/{label}?secret={encoded}&issuer={Issuer}&algorithm=SHA1&digits={Totp.Digits}&period={Totp.PeriodSeconds}");
    }

    /// <summary>Finishes enrolment when the code comes from the pending secret; the code is then used up.</summary>
    public async Task<bool> ActivateAsync(long userId, string? code, CancellationToken cancellation)
    {
        if (await store.SecondFactors.GetAsync(userId, cancellation) is not { PendingSecret: { } pending }) return false;
        return Totp.Match(pending, code, time.GetUtcNow()) is { } step && await store.SecondFactors.ActivatePendingAsync(userId, step, cancellation);
    }

    /// <summary>Checks a code against the active secret and uses it up; false for a wrong, stale or already used code.</summary>
    public async Task<bool> VerifyAsync(long userId, string? code, CancellationToken cancellation)
    {
        if (await store.SecondFactors.GetAsync(userId, cancellation) is not { Secret: { } secret }) return false;
        return Totp.Match(secret, code, time.GetUtcNow()) is { } step && await store.SecondFactors.TryUseStepAsync(userId, step, cancellation);
    }

    public async Task<bool> IsEnabledAsync(long userId, CancellationToken cancellation) =>
        await store.SecondFactors.GetAsync(userId, cancellation) is { IsEnabled: true };

    public Task<bool> DisableAsync(long userId, CancellationToken cancellation) => store.SecondFactors.DisableAsync(userId, cancellation);
}

/// <summary>What a user needs to add Huawu to an authenticator app.</summary>
internal sealed record TotpEnrolment(string Secret, string OtpauthUri);
